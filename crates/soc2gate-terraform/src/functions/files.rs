//! File and path functions. `file`, `fileexists`, `templatefile` and friends read only
//! inside the scan roots: a configuration must not make the scanner read `~/.aws` or
//! `/etc`, and a file outside the scan is unknown to it anyway.

use std::path::{Component, Path, PathBuf};

use super::single;
use crate::functions::encoding::{base64_of, hex, md5_bytes, sha1_bytes, sha256_bytes};
use crate::value::Val;

/// Where the file functions may read.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileAccess {
    /// The working directory: relative paths (`path.module` is relative) start here.
    base: PathBuf,
    /// The scan roots, lexically normalized, and as the file system resolves them.
    roots: Vec<PathBuf>,
    canonical_roots: Vec<PathBuf>,
}

/// What reading a path gave.
pub(crate) enum Read {
    Text(Vec<u8>),
    /// Inside the roots but absent or unreadable: Terraform fails.
    Missing,
    /// Outside the roots (or no roots given): soc2gate does not look.
    Forbidden,
}

impl FileAccess {
    pub(crate) fn new(base: &Path, roots: &[String]) -> Self {
        let roots: Vec<PathBuf> = roots.iter().map(|r| normalize(&base.join(r))).collect();
        let canonical_roots = roots.iter().filter_map(|r| r.canonicalize().ok()).collect();
        FileAccess {
            base: base.to_path_buf(),
            roots,
            canonical_roots,
        }
    }

    /// The path to read, or `None` when it lies outside every root (also through a
    /// symbolic link).
    fn resolve(&self, path: &str) -> Option<PathBuf> {
        let p = normalize(&self.base.join(path));
        if !self.roots.iter().any(|r| p.starts_with(r)) {
            return None;
        }
        if let Ok(c) = p.canonicalize() {
            if !self.canonical_roots.iter().any(|r| c.starts_with(r)) {
                return None;
            }
        }
        Some(p)
    }

    pub(crate) fn read(&self, path: &str) -> Read {
        match self.resolve(path) {
            None => Read::Forbidden,
            Some(p) if p.is_file() => match std::fs::read(&p) {
                Ok(bytes) => Read::Text(bytes),
                Err(_) => Read::Missing,
            },
            Some(_) => Read::Missing,
        }
    }

    fn with_bytes(&self, args: Vec<Val>, f: impl FnOnce(Vec<u8>) -> Option<Val>) -> Option<Val> {
        let path = single(args)?.to_str()?;
        match self.read(&path) {
            Read::Text(bytes) => f(bytes),
            Read::Missing => None,
            Read::Forbidden => Some(Val::Unknown),
        }
    }

    pub(crate) fn file(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| String::from_utf8(b).ok().map(Val::String))
    }

    pub(crate) fn filebase64(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| Some(Val::String(base64_of(&b))))
    }

    pub(crate) fn filesha256(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| Some(Val::String(hex(&sha256_bytes(&b)))))
    }

    pub(crate) fn filebase64sha256(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| Some(Val::String(base64_of(&sha256_bytes(&b)))))
    }

    pub(crate) fn filemd5(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| Some(Val::String(hex(&md5_bytes(&b)))))
    }

    pub(crate) fn filesha1(&self, args: Vec<Val>) -> Option<Val> {
        self.with_bytes(args, |b| Some(Val::String(hex(&sha1_bytes(&b)))))
    }

    /// `fileset(path, pattern)`: the files under `path` whose relative path matches the
    /// glob (`*`, `**`, `?`, `[...]`, `{a,b}`), sorted.
    pub(crate) fn fileset(&self, args: Vec<Val>) -> Option<Val> {
        let [path, pattern]: [Val; 2] = args.try_into().ok()?;
        let (path, pattern) = (path.to_str()?, pattern.to_str()?);
        let Some(dir) = self.resolve(&path) else {
            return Some(Val::Unknown);
        };
        let mut found = Vec::new();
        walk(&dir, "", &mut found, 0);
        let mut matched: Vec<String> = found
            .into_iter()
            .filter(|rel| glob_match(pattern.as_bytes(), rel.as_bytes()))
            .collect();
        matched.sort();
        Some(Val::List(matched.into_iter().map(Val::String).collect()))
    }

    pub(crate) fn fileexists(&self, args: Vec<Val>) -> Option<Val> {
        let path = single(args)?.to_str()?;
        match self.resolve(&path) {
            None => Some(Val::Unknown),
            Some(p) if p.is_dir() => None,
            Some(p) => Some(Val::Bool(p.is_file())),
        }
    }
}

/// Relative paths of the files under `dir` (not following links out of it).
fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>, depth: usize) {
    if depth > 32 || out.len() > 10_000 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let rel = if prefix.is_empty() {
            name
        } else {
            format!("{prefix}/{name}")
        };
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&entry.path(), &rel, out, depth + 1),
            Ok(t) if t.is_file() => out.push(rel),
            _ => {}
        }
    }
}

/// Go's `doublestar` globbing as `fileset` uses it: `*` and `?` stay inside one path
/// segment, `**` spans segments, `[...]` is a class, `{a,b}` an alternative.
fn glob_match(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') if p.get(1) == Some(&b'*') => {
            // `**/` also matches no directory at all.
            let rest = &p[2..];
            let rest_no_slash = rest.strip_prefix(b"/").unwrap_or(rest);
            if glob_match(rest_no_slash, s) {
                return true;
            }
            (0..s.len()).any(|i| {
                glob_match(rest, &s[i + 1..])
                    || (s[i] == b'/' && glob_match(rest_no_slash, &s[i + 1..]))
            })
        }
        Some(b'*') => {
            let rest = &p[1..];
            for i in 0..=s.len() {
                if glob_match(rest, &s[i..]) {
                    return true;
                }
                if i < s.len() && s[i] == b'/' {
                    break;
                }
            }
            false
        }
        Some(b'?') => !s.is_empty() && s[0] != b'/' && glob_match(&p[1..], &s[1..]),
        Some(b'[') => {
            let Some(end) = p.iter().position(|&c| c == b']') else {
                return false;
            };
            let Some(&c) = s.first() else { return false };
            let (negate, class) = match p[1..end].split_first() {
                Some((b'^' | b'!', rest)) => (true, rest),
                _ => (false, &p[1..end]),
            };
            let mut hit = false;
            let mut i = 0;
            while i < class.len() {
                if i + 2 < class.len() && class[i + 1] == b'-' {
                    hit |= class[i] <= c && c <= class[i + 2];
                    i += 3;
                } else {
                    hit |= class[i] == c;
                    i += 1;
                }
            }
            hit != negate && c != b'/' && glob_match(&p[end + 1..], &s[1..])
        }
        Some(b'{') => {
            let Some(end) = p.iter().position(|&c| c == b'}') else {
                return false;
            };
            p[1..end].split(|&c| c == b',').any(|alt| {
                let mut q = alt.to_vec();
                q.extend_from_slice(&p[end + 1..]);
                glob_match(&q, s)
            })
        }
        Some(b'\\') if p.len() > 1 => s.first() == Some(&p[1]) && glob_match(&p[2..], &s[1..]),
        Some(&c) => s.first() == Some(&c) && glob_match(&p[1..], &s[1..]),
    }
}

/// Resolves `.` and `..` without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Go's `filepath.Base`.
pub(super) fn basename(args: Vec<Val>) -> Option<Val> {
    let p = single(args)?.to_str()?;
    let trimmed = p.trim_end_matches('/');
    let base = if p.is_empty() {
        "."
    } else if trimmed.is_empty() {
        "/"
    } else {
        trimmed.rsplit('/').next().unwrap_or(trimmed)
    };
    Some(Val::String(base.to_string()))
}

/// Go's `filepath.Dir`.
pub(super) fn dirname(args: Vec<Val>) -> Option<Val> {
    let p = single(args)?.to_str()?;
    let dir = match p.rfind('/') {
        None => ".".to_string(),
        Some(0) => "/".to_string(),
        Some(i) => {
            let d = p[..i].trim_end_matches('/');
            if d.is_empty() {
                "/".to_string()
            } else {
                d.to_string()
            }
        }
    };
    Some(Val::String(dir))
}

#[cfg(test)]
mod tests {
    use super::glob_match;

    #[test]
    fn globs_like_fileset() {
        let m = |p: &str, s: &str| glob_match(p.as_bytes(), s.as_bytes());
        assert!(m("*.tf", "main.tf"));
        assert!(!m("*.tf", "a/main.tf"));
        assert!(m("**/*.tf", "main.tf"));
        assert!(m("**/*.tf", "a/b/main.tf"));
        assert!(m("a/**", "a/b/c"));
        assert!(m("file?.[a-c]", "file1.b"));
        assert!(m("*.{json,yaml}", "x.yaml"));
        assert!(!m("*.{json,yaml}", "x.yml"));
    }
}
