//! Diff mode (`--changed-since REF`) on a git repository built by the test.

mod common;

use common::{bucket, findings, git, scan_json, soc2gate_in, write};
use predicates::prelude::*;

/// A repository with three modules on `main`, and a branch `feature` checked out.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    write(root, "a/main.tf", &bucket("a"));
    write(
        root,
        "a/variables.tf",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
    );
    write(root, "b/main.tf", &bucket("b"));
    write(root, "c/main.tf", &bucket("c"));
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "base"]);
    git(root, &["checkout", "--quiet", "-b", "feature"]);
    dir
}

fn files_with_findings(report: &serde_json::Value) -> Vec<String> {
    let mut files: Vec<String> = findings(report).into_iter().map(|f| f.1).collect();
    files.dedup();
    files
}

#[test]
fn reports_findings_of_changed_files_and_of_their_modules() {
    let dir = repository();
    let root = dir.path();
    // Committed on the branch: a file of module `a` that holds no finding itself.
    write(
        root,
        "a/variables.tf",
        "variable \"region\" {\n  default = \"us-east-1\"\n}\n",
    );
    git(root, &["commit", "--quiet", "-am", "change a"]);
    // Uncommitted: module `b`. Module `c` is untouched.
    write(root, "b/main.tf", &format!("{}\n# more\n", bucket("b")));
    // Untracked: a new module, with a name git would quote without `-z`.
    write(root, "dé/main.tf", &bucket("d"));

    let (code, report) = scan_json(root, &["--changed-since", "main"]);
    assert_eq!(code, 1);
    assert_eq!(
        files_with_findings(&report),
        vec!["a/main.tf", "b/main.tf", "dé/main.tf"]
    );
    assert_eq!(report["summary"]["not_shown"], 2);

    soc2gate_in(root)
        .args(["scan", "--changed-since", "main"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "changed since main: 2 findings outside the changed files and their modules not shown",
        ));

    // From a subdirectory, paths are compared in display form all the same.
    let (_, report) = scan_json(&root.join("a"), &["--changed-since", "main"]);
    assert_eq!(files_with_findings(&report), vec!["main.tf"]);
}

#[test]
fn nothing_changed_means_nothing_reported() {
    let dir = repository();
    let (code, report) = scan_json(dir.path(), &["--changed-since", "main"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["findings"], serde_json::json!([]));
    assert_eq!(report["summary"]["not_shown"], 6);
}

#[test]
fn an_unknown_ref_or_no_repository_is_an_error() {
    let dir = repository();
    soc2gate_in(dir.path())
        .args(["scan", "--changed-since", "origin/nope"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(
            "--changed-since origin/nope: no such commit in this repository",
        ))
        .stderr(predicate::str::contains("fetch-depth: 0"));

    let plain = tempfile::tempdir().unwrap();
    write(plain.path(), "main.tf", &bucket("x"));
    soc2gate_in(plain.path())
        .env("GIT_CEILING_DIRECTORIES", plain.path().parent().unwrap())
        .args(["scan", "--changed-since", "main"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--changed-since needs a git repository",
        ));
}
