//! Where policy text comes from: the built-ins embedded at build time, or a user directory.

use std::fs;
use std::path::Path;

use crate::PolicyError;

pub(crate) mod embedded {
    include!(concat!(env!("OUT_DIR"), "/builtin_policies.rs"));
}

/// What a `.rego` file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyKind {
    /// A rule: has `# METADATA` and a `deny` set.
    Rule,
    /// Helpers under a `lib/` folder, shared by rules.
    Library,
    /// `*_test.rego`: `test_*` rules for `soc2gate policy test`.
    Test,
}

/// One `.rego` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicySource {
    /// For messages: `policies/aws/s3/x.rego` for built-ins, the path as found for users.
    pub path: String,
    pub text: String,
}

impl PolicySource {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        PolicySource {
            path: path.into(),
            text: text.into(),
        }
    }

    /// Classifies by path: tests end in `_test.rego`, libraries live in a `lib/` folder.
    pub fn kind(&self) -> PolicyKind {
        if self.path.ends_with("_test.rego") {
            PolicyKind::Test
        } else if self.path.starts_with("lib/") || self.path.contains("/lib/") {
            PolicyKind::Library
        } else {
            PolicyKind::Rule
        }
    }
}

/// The built-in policies, libraries and tests, in path order.
pub fn builtin_sources() -> Vec<PolicySource> {
    embedded::BUILTIN_FILES
        .iter()
        .map(|(path, text)| PolicySource::new(*path, *text))
        .collect()
}

/// True when `src` is one of the built-in files, unchanged.
pub(crate) fn is_builtin(src: &PolicySource) -> bool {
    embedded::BUILTIN_FILES
        .iter()
        .any(|(path, text)| *path == src.path && *text == src.text)
}

/// Every `.rego` file under `dir`, in path order. Paths are `dir` joined with the relative
/// path, with forward slashes.
pub fn load_dir(dir: &Path) -> Result<Vec<PolicySource>, PolicyError> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
        for entry in fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                walk(&path, out)?;
            } else if path.extension().is_some_and(|e| e == "rego") {
                out.push(path);
            }
        }
        Ok(())
    }
    let shown = dir.to_string_lossy().replace('\\', "/");
    if !dir.is_dir() {
        return Err(PolicyError::new(
            shown,
            0,
            "policy directory not found: pass a directory that contains .rego files",
        ));
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|e| PolicyError::new(&shown, 0, format!("cannot read: {e}")))?;
    paths.sort();
    if paths.is_empty() {
        return Err(PolicyError::new(
            shown,
            0,
            "no .rego files found in this policy directory",
        ));
    }
    paths
        .into_iter()
        .map(|p| {
            let shown = p.to_string_lossy().replace('\\', "/");
            let text = fs::read_to_string(&p)
                .map_err(|e| PolicyError::new(&shown, 0, format!("cannot read: {e}")))?;
            Ok(PolicySource::new(shown, text))
        })
        .collect()
}
