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

/// The command that fetches `reference`: `origin/main` is branch `main` of the remote
/// `origin` (`git fetch origin origin/main` fails: the remote has no such branch).
fn fetch_command(top: &Path, reference: &str) -> String {
    let remotes = git(top, &["remote"]).unwrap_or_default();
    let remote_branch = reference.split_once('/').filter(|(remote, branch)| {
        !branch.is_empty() && (*remote == "origin" || remotes.lines().any(|r| r == *remote))
    });
    match remote_branch {
        Some((remote, branch)) => format!("git fetch {remote} {branch}"),
        None => format!("git fetch origin {reference}"),
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
        format!("--changed-since {reference}: no such commit in this repository; give a branch, tag or commit that exists (in CI, fetch it first: `{}`, or check out with fetch-depth: 0)", fetch_command(&top, reference))
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

/// The Terraform module (directory) of a Terraform file; `None` for other files (a
/// settings file is a unit of its own).
fn module_dir(file: &str) -> Option<&str> {
    let terraform = [".tf", ".tf.json", ".tfvars", ".tfvars.json"]
        .iter()
        .any(|ext| file.ends_with(ext));
    terraform.then(|| file.rsplit_once('/').map_or(".", |(dir, _)| dir))
}

/// Keeps the findings a change is responsible for, and returns the others:
/// - a finding located in a changed file;
/// - a finding of a root module (reached without a module call): when its unit (the
///   module with the modules it calls) contains a changed file;
/// - a finding inside a called module: when that module has a changed file, or when it
///   is reached through a `module` block in a module with a changed file. A module shared
///   by many callers is judged through each caller: a change to one caller does not
///   report what the module's other callers make it do.
pub fn filter(
    findings: &mut Vec<Finding>,
    changed: &BTreeSet<String>,
    units: &[Vec<String>],
) -> Vec<Finding> {
    let touched_units: Vec<&Vec<String>> = units
        .iter()
        .filter(|files| files.iter().any(|f| changed.contains(f)))
        .collect();
    let changed_modules: BTreeSet<&str> = changed.iter().filter_map(|f| module_dir(f)).collect();
    let in_changed_module = |file: &str| {
        changed.contains(file) || module_dir(file).is_some_and(|d| changed_modules.contains(d))
    };
    let responsible = |f: &Finding| {
        let file = f.location.file.as_str();
        changed.contains(file)
            || f.occurrences().iter().any(|o| {
                if o.via.is_empty() {
                    touched_units
                        .iter()
                        .any(|files| files.iter().any(|u| u == file))
                } else {
                    in_changed_module(file)
                        || o.via
                            .iter()
                            .any(|call| in_changed_module(&call.location.file))
                }
            })
    };
    let (kept, hidden) = std::mem::take(findings).into_iter().partition(responsible);
    *findings = kept;
    hidden
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Location, Severity};

    fn via(finding: Finding, calls: &[&str]) -> Finding {
        Finding {
            via: calls
                .iter()
                .map(|file| soc2gate_model::CallSite {
                    address: "module.m".into(),
                    location: at(file).location,
                })
                .collect(),
            ..finding
        }
    }

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

    fn files(findings: &[Finding]) -> Vec<&str> {
        findings.iter().map(|f| f.location.file.as_str()).collect()
    }

    #[test]
    fn keeps_changed_files_and_root_units_with_a_changed_file() {
        let units = vec![
            vec!["a/main.tf".to_string(), "a/vars.tf".to_string()],
            vec!["b/main.tf".to_string()],
        ];
        let mut findings = vec![at("a/main.tf"), at("b/main.tf"), at("c/main.tf")];
        let changed = BTreeSet::from(["a/vars.tf".to_string(), "c/main.tf".to_string()]);
        let hidden = filter(&mut findings, &changed, &units);
        assert_eq!(files(&hidden), ["b/main.tf"]);
        assert_eq!(files(&findings), ["a/main.tf", "c/main.tf"]);
    }

    #[test]
    fn a_shared_module_is_judged_through_its_changed_callers_only() {
        // envs/a and envs/b both call modules/m; only envs/a changed.
        let units = vec![
            vec![
                "envs/a/main.tf".to_string(),
                "modules/m/main.tf".to_string(),
            ],
            vec![
                "envs/b/main.tf".to_string(),
                "modules/m/main.tf".to_string(),
            ],
        ];
        let changed = BTreeSet::from(["envs/a/main.tf".to_string()]);
        let mut findings = vec![
            via(at("modules/m/main.tf"), &["envs/a/main.tf"]),
            via(at("modules/m/main.tf"), &["envs/b/main.tf"]),
            // Reached through both callers (merged): the changed one is enough.
            Finding {
                also: vec![soc2gate_model::Occurrence {
                    resource: String::new(),
                    attribute: String::new(),
                    via: via(at("x"), &["envs/a/main.tf"]).via,
                }],
                ..via(at("modules/m/s3.tf"), &["envs/b/main.tf"])
            },
        ];
        let hidden = filter(&mut findings, &changed, &units);
        assert_eq!(findings.len(), 2);
        assert_eq!(hidden.len(), 1);
        assert_eq!(hidden[0].via[0].location.file, "envs/b/main.tf");

        // A change inside the module itself reports it through every caller.
        let changed = BTreeSet::from(["modules/m/variables.tf".to_string()]);
        let mut findings = vec![
            via(at("modules/m/main.tf"), &["envs/a/main.tf"]),
            via(at("modules/m/main.tf"), &["envs/b/main.tf"]),
            at("envs/b/main.tf"),
        ];
        let units: Vec<Vec<String>> = units
            .into_iter()
            .map(|mut files| {
                files.push("modules/m/variables.tf".to_string());
                files
            })
            .collect();
        let hidden = filter(&mut findings, &changed, &units);
        // The callers' own findings too: a module's outputs flow back into its callers.
        assert!(hidden.is_empty(), "{hidden:?}");
        assert_eq!(findings.len(), 3);
    }
}
