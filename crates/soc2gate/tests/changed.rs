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
        .stderr(predicate::str::contains("fetch-depth: 0"))
        // A command that works: branch `nope` of the remote `origin`.
        .stderr(predicate::str::contains("`git fetch origin nope`"))
        .stderr(predicate::str::contains("origin origin/").not());
    git(
        dir.path(),
        &["remote", "add", "upstream", "https://example.com/x.git"],
    );
    soc2gate_in(dir.path())
        .args(["scan", "--changed-since", "upstream/release-1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`git fetch upstream release-1`"));
    soc2gate_in(dir.path())
        .args(["scan", "--changed-since", "v9.9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`git fetch origin v9.9`"));

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

/// Two environments call one shared module with different bucket names, so each call has
/// its own finding in the module. A change to one environment reports the module's
/// finding through that environment only; the uploaded SARIF still holds both.
#[test]
fn a_shared_module_reports_only_what_the_changed_caller_reaches() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    write(
        root,
        "modules/bucket/main.tf",
        &format!(
            "variable \"name\" {{}}\nresource \"aws_s3_bucket\" \"this\" {{\n  bucket = var.name\n}}\n{}",
            common::bucket_companions("aws_s3_bucket.this.id", "this")
        ),
    );
    for env in ["prod", "staging"] {
        write(
            root,
            &format!("envs/{env}/main.tf"),
            &format!("module \"bucket\" {{\n  source = \"../../modules/bucket\"\n  name   = \"acme-{env}\"\n}}\n"),
        );
    }
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "base"]);
    let (_, everything) = scan_json(root, &[]);
    let via = |report: &serde_json::Value| -> Vec<String> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["via"][0]["file"].as_str().unwrap_or("").to_string())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    // Two rules fail in the module, through each caller.
    let count = |report: &serde_json::Value| report["findings"].as_array().unwrap().len();
    assert_eq!(count(&everything), 4, "{everything:#}");
    assert_eq!(
        via(&everything),
        ["envs/prod/main.tf", "envs/staging/main.tf"],
        "{everything:#}"
    );

    git(root, &["checkout", "--quiet", "-b", "feature"]);
    write(
        root,
        "envs/staging/main.tf",
        "module \"bucket\" {\n  source = \"../../modules/bucket\"\n  name   = \"acme-staging-2\"\n}\n",
    );
    let sarif = root.join("out.sarif");
    let (code, report) = scan_json(
        root,
        &[
            "--changed-since",
            "main",
            "--output",
            &format!("sarif={}", sarif.display()),
        ],
    );
    assert_eq!(code, 1);
    assert_eq!(via(&report), ["envs/staging/main.tf"], "{report:#}");
    assert_eq!(count(&report), 2, "{report:#}");
    assert_eq!(report["summary"]["not_shown"], 2);
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    let messages: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"]["text"].as_str().unwrap())
        .collect();
    assert_eq!(messages.len(), 4, "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("acme-prod")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("acme-staging-2")),
        "{messages:?}"
    );

    // A change inside the module reports it through every caller.
    git(root, &["checkout", "--quiet", "."]);
    write(
        root,
        "modules/bucket/outputs.tf",
        "output \"id\" {\n  value = aws_s3_bucket.this.id\n}\n",
    );
    let (_, report) = scan_json(root, &["--changed-since", "main"]);
    assert_eq!(count(&report), 4, "{report:#}");
}

/// SARIF on standard output with --changed-since holds every finding too.
#[test]
fn sarif_holds_every_finding_with_changed_since() {
    let dir = repository();
    let (_, out, _) = common::run(soc2gate_in(dir.path()).args([
        "scan",
        "--changed-since",
        "main",
        "--format",
        "sarif",
    ]));
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (_, json) = scan_json(dir.path(), &[]);
    assert_eq!(
        sarif["runs"][0]["results"].as_array().unwrap().len(),
        json["findings"].as_array().unwrap().len()
    );
    assert!(!json["findings"].as_array().unwrap().is_empty());
}
