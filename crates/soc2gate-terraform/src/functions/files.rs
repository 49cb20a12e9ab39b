//! File and path functions. `file`, `fileexists`, `templatefile` and friends read only
//! inside the scan roots: a configuration must not make the scanner read `~/.aws` or
//! `/etc`, and a file outside the scan is unknown to it anyway.

use std::path::{Component, Path, PathBuf};

use super::single;
use crate::functions::encoding::{base64_of, hex, sha256_bytes};
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

    pub(crate) fn fileexists(&self, args: Vec<Val>) -> Option<Val> {
        let path = single(args)?.to_str()?;
        match self.resolve(&path) {
            None => Some(Val::Unknown),
            Some(p) if p.is_dir() => None,
            Some(p) => Some(Val::Bool(p.is_file())),
        }
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
