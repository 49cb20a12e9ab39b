//! Display paths seen from another directory: `soc2gate.toml` globs and baseline entries
//! are relative to the directory of their file, findings to the working directory.

use std::path::{Component, Path, PathBuf};

/// `path` made absolute against `cwd`, with `.` and `..` resolved lexically (no symlinks
/// are followed, so it works for files that no longer exist).
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The repository that holds `path`: the nearest directory at or above it with a `.git`
/// (a directory, or a file in a linked worktree or submodule); `cwd` when there is none.
/// Module sources are read only inside it.
pub fn repository_root(path: &Path, cwd: &Path) -> PathBuf {
    let abs = absolute(path, cwd);
    let start = if abs.is_dir() {
        abs.as_path()
    } else {
        abs.parent().unwrap_or(&abs)
    };
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf)
}

/// `path` as seen from `cwd`: relative, with `..` when it is outside (when both share
/// more than the filesystem root), forward slashes.
pub fn relative(path: &Path, cwd: &Path) -> String {
    let cwd = absolute(cwd, Path::new("/"));
    let abs = absolute(path, &cwd);
    let a: Vec<Component> = abs.components().collect();
    let c: Vec<Component> = cwd.components().collect();
    let common = a.iter().zip(&c).take_while(|(x, y)| x == y).count();
    if common <= 1 {
        return abs.to_string_lossy().replace('\\', "/");
    }
    let mut parts: Vec<String> = vec!["..".to_string(); c.len() - common];
    parts.extend(
        a[common..]
            .iter()
            .map(|x| x.as_os_str().to_string_lossy().into_owned()),
    );
    if parts.is_empty() {
        ".".into()
    } else {
        parts.join("/")
    }
}

/// Turns display paths (relative to the working directory) into paths relative to
/// `base`, with forward slashes. A path outside `base` keeps its display form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebase {
    cwd: PathBuf,
    base: PathBuf,
}

impl Rebase {
    /// `base` is a directory, absolute or relative to `cwd`.
    pub fn new(cwd: &Path, base: &Path) -> Self {
        let cwd = absolute(cwd, Path::new("/"));
        Rebase {
            base: absolute(base, &cwd),
            cwd,
        }
    }

    /// The display path `display` as seen from `base`.
    pub fn rel(&self, display: &str) -> String {
        if self.cwd == self.base {
            return display.to_string();
        }
        let abs = absolute(Path::new(display), &self.cwd);
        match abs.strip_prefix(&self.base) {
            Ok(rel) if !rel.as_os_str().is_empty() => rel.to_string_lossy().replace('\\', "/"),
            _ => display.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebases_into_the_base_directory() {
        let r = Rebase::new(Path::new("/repo/infra"), Path::new(".."));
        assert_eq!(r.rel("main.tf"), "infra/main.tf");
        assert_eq!(r.rel("../.github/settings.yml"), ".github/settings.yml");
        assert_eq!(r.rel("/elsewhere/x.tf"), "/elsewhere/x.tf");
        let same = Rebase::new(Path::new("/repo"), Path::new("/repo/./"));
        assert_eq!(same.rel("a/b.tf"), "a/b.tf");
        assert_eq!(
            absolute(Path::new("a/../b/./c"), Path::new("/r")),
            PathBuf::from("/r/b/c")
        );
        assert_eq!(
            relative(Path::new("/repo/soc2gate.toml"), Path::new("/repo/infra/x")),
            "../../soc2gate.toml"
        );
        assert_eq!(
            relative(Path::new("/repo/infra/a.tf"), Path::new("/repo")),
            "infra/a.tf"
        );
        assert_eq!(relative(Path::new("b.json"), Path::new("/repo")), "b.json");
        assert_eq!(
            relative(Path::new("/other/x"), Path::new("/repo")),
            "/other/x"
        );
    }
}
