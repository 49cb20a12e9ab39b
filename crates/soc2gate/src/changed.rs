//! Diff mode (`--changed-since REF`): the files changed since a git ref, and the filter
//! that keeps the findings a pull request is responsible for.
//!
//! Whole units are still evaluated (references cross files); the report keeps findings
//! located in a changed file, and every finding of a unit (a Terraform module with the
//! modules it calls, a settings file) that contains a changed file, because a change to
//! one file of a module can create a finding in another.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use soc2gate_model::Finding;

use crate::discover::display_path;

fn git(cwd: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(cwd)
        .output()
        .map_err(|e| format!("cannot run git ({e}); --changed-since needs git on the PATH"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// The files changed since `reference` in the git repository holding `cwd`, as display
/// paths (relative to `cwd`): committed since the merge base of `reference` and `HEAD`
/// (`git diff REF...HEAD`), changed in the work tree or the index, and untracked files
/// that are not ignored.
pub fn changed_files(cwd: &Path, reference: &str) -> Result<BTreeSet<String>, String> {
    let top = git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        format!("--changed-since needs a git repository, and {} is not inside one ({e}); run soc2gate from the repository, or drop --changed-since", cwd.display())
    })?;
    let top = PathBuf::from(top.trim());
    git(&top, &["rev-parse", "--verify", "--quiet", &format!("{reference}^{{commit}}")]).map_err(|_| {
        format!("--changed-since {reference}: no such commit in this repository; give a branch, tag or commit that exists (in CI, fetch it first: `git fetch origin {reference}`, or check out with fetch-depth: 0)")
    })?;
    let range = format!("{reference}...HEAD");
    let committed = git(&top, &["diff", "--name-only", "-z", "--no-renames", &range, "--"]).map_err(|e| {
        format!("--changed-since {reference}: git cannot compare it with HEAD ({e}); in a shallow clone, fetch more history (fetch-depth: 0)")
    })?;
    let uncommitted = git(
        &top,
        &["diff", "--name-only", "-z", "--no-renames", "HEAD", "--"],
    )
    .unwrap_or_default();
    let untracked =
        git(&top, &["ls-files", "-z", "--others", "--exclude-standard"]).unwrap_or_default();

    // Display paths are relative to the working directory as the OS names it; git names
    // the top level with symlinks resolved, so compare both resolved.
    let cwd_resolved = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    let top = top.canonicalize().unwrap_or(top);
    // NUL-separated (`-z`): names are not quoted, whatever characters they hold.
    Ok(committed
        .split('\0')
        .chain(uncommitted.split('\0'))
        .chain(untracked.split('\0'))
        .filter(|l| !l.is_empty())
        .map(|l| display_path(&top.join(l), &cwd_resolved))
        .collect())
}

/// Keeps the findings located in a changed file, or in a unit (its files in `units`) that
/// contains a changed file. Returns how many were left out.
pub fn filter(
    findings: &mut Vec<Finding>,
    changed: &BTreeSet<String>,
    units: &[Vec<String>],
) -> usize {
    let touched: Vec<&Vec<String>> = units
        .iter()
        .filter(|files| files.iter().any(|f| changed.contains(f)))
        .collect();
    let before = findings.len();
    findings.retain(|f| {
        let file = &f.location.file;
        changed.contains(file) || touched.iter().any(|files| files.contains(file))
    });
    before - findings.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Location, Severity};

    fn at(file: &str) -> Finding {
        Finding {
            rule_id: "r".into(),
            severity: Severity::Low,
            controls: vec![],
            message: String::new(),
            location: Location {
                file: file.into(),
                start: Default::default(),
                end: Default::default(),
                span: Default::default(),
            },
            resource: String::new(),
            attribute: String::new(),
            fingerprint: String::new(),
            suppression: None,
            via: Vec::new(),
            also: Vec::new(),
        }
    }

    #[test]
    fn keeps_changed_files_and_units_with_a_changed_file() {
        let units = vec![
            vec![
                "a/main.tf".to_string(),
                "a/vars.tf".to_string(),
                "modules/m/main.tf".to_string(),
            ],
            vec!["b/main.tf".to_string()],
        ];
        let mut findings = vec![
            at("a/main.tf"),
            at("modules/m/main.tf"),
            at("b/main.tf"),
            at("c/main.tf"),
        ];
        let changed = BTreeSet::from(["a/vars.tf".to_string(), "c/main.tf".to_string()]);
        assert_eq!(filter(&mut findings, &changed, &units), 1);
        let kept: Vec<&str> = findings.iter().map(|f| f.location.file.as_str()).collect();
        assert_eq!(kept, vec!["a/main.tf", "modules/m/main.tf", "c/main.tf"]);
    }
}
