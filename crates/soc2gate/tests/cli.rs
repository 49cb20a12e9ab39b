//! The binary as users meet it: exit codes, formats, flags and error messages.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn soc2gate() -> Command {
    let mut cmd = Command::cargo_bin("soc2gate").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR").env("COLUMNS", "100");
    cmd
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

const UNENCRYPTED: &str = r#"resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
"#;

#[test]
fn example_fails_with_findings_and_a_summary() {
    soc2gate()
        .args(["scan", "testdata/example"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("aws-s3-encryption-at-rest"))
        .stdout(predicate::str::contains("github-branch-protection-reviews"))
        .stdout(predicate::str::contains("CC6.1"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn example_sarif_validates_against_the_2_1_0_schema() {
    let out = soc2gate()
        .args(["scan", "testdata/example", "--format", "sarif"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let sarif: serde_json::Value = serde_json::from_slice(&out).unwrap();
    if let Err(errors) = soc2gate_report::validate_sarif(&sarif) {
        panic!("SARIF does not validate:\n{}", errors.join("\n"));
    }
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.starts_with("testdata/example/"),
            "uri not relative to the working directory: {uri}"
        );
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
}

#[test]
fn json_output_has_findings_with_locations() {
    let out = soc2gate()
        .args(["scan", "testdata/example", "-f", "json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let findings = json["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .all(|f| f["start_line"].as_u64().unwrap() >= 1));
    assert!(findings
        .iter()
        .any(|f| f["rule_id"] == "aws-iam-no-wildcard-admin"));
}

#[test]
fn a_syntax_error_is_reported_with_its_location_and_the_rest_is_scanned() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good/main.tf", UNENCRYPTED);
    write(
        dir.path(),
        "bad/main.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n}\n",
    );
    let assert = soc2gate()
        .current_dir(dir.path())
        .args(["scan", "."])
        .assert()
        .code(2);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(
        out.contains("bad/main.tf:2:") || out.contains("bad/main.tf:3:"),
        "{out}"
    );
    assert!(out.contains("aws-s3-encryption-at-rest"), "{out}");
    assert!(out.contains("good/main.tf"), "{out}");

    // --allow-parse-errors keeps the findings' exit code.
    soc2gate()
        .current_dir(dir.path())
        .args(["scan", ".", "--allow-parse-errors"])
        .assert()
        .code(1);
}

#[test]
fn a_clean_directory_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
    );
    soc2gate()
        .current_dir(dir.path())
        .arg("scan")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("No findings"));
}

#[test]
fn an_empty_directory_says_nothing_was_scanned() {
    let dir = tempfile::tempdir().unwrap();
    soc2gate()
        .current_dir(dir.path())
        .arg("scan")
        .assert()
        .code(0)
        .stderr(predicate::str::contains("nothing to scan"));
}

/// Only the error: a report saying "No findings in 0 files" would read as a pass in a CI
/// log, in any format.
#[test]
fn a_missing_path_is_an_error() {
    for format in ["text", "github", "json"] {
        soc2gate()
            .args(["scan", "no/such/dir", "--format", format])
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(
                "no/such/dir: no such file or directory",
            ))
            .stderr(predicate::str::contains("No findings").not());
    }
}

#[test]
fn fail_on_raises_the_threshold() {
    let dir = tempfile::tempdir().unwrap();
    // Only a medium finding: enforce_admins off.
    write(
        dir.path(),
        "main.tf",
        r#"resource "github_branch_protection" "main" {
  repository_id       = "repo"
  pattern             = "main"
  enforce_admins      = false
  required_status_checks {
    strict   = true
    contexts = ["ci"]
  }
  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
"#,
    );
    soc2gate()
        .current_dir(dir.path())
        .args(["scan", "--fail-on", "medium"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "github-branch-protection-enforce-admins",
        ));
    soc2gate()
        .current_dir(dir.path())
        .args(["scan", "--fail-on", "high"])
        .assert()
        .code(0);
}

#[test]
fn output_writes_extra_reports_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", UNENCRYPTED);
    soc2gate()
        .current_dir(dir.path())
        .args(["scan", "--output", "sarif=out.sarif", "-o", "json=out.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("aws-s3-encryption-at-rest"));
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out.json")).unwrap())
            .unwrap();
    assert_eq!(json["findings"][0]["file"], "main.tf");
    assert_eq!(json["findings"][0]["start_line"], 1);
}

#[test]
fn bad_arguments_exit_two_with_a_hint() {
    soc2gate()
        .args(["scan", "--format", "xml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "text, json, sarif, junit, github, markdown or compact",
        ));
    soc2gate()
        .args(["scan", "--output", "sarif"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("FORMAT=PATH"));
}

#[test]
fn color_only_when_asked_or_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", UNENCRYPTED);
    soc2gate()
        .current_dir(dir.path())
        .args(["scan", "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    soc2gate()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .arg("scan")
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn rules_lists_the_catalogue() {
    let out = soc2gate()
        .args(["rules", "--format", "json"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out).unwrap();
    let find = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    assert_eq!(find("aws-iam-no-wildcard-admin")["severity"], "critical");
    assert_eq!(
        find("aws-s3-encryption-at-rest")["controls"],
        serde_json::json!(["CC6.1", "C1.1"])
    );
    assert_eq!(
        find("github-branch-protection-status-checks")["controls"],
        serde_json::json!(["CC8.1", "CC7.1"])
    );
    soc2gate()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("aws-s3-tls-only"));
}

#[test]
fn explain_prints_description_and_remediation() {
    soc2gate()
        .args(["explain", "aws-lb-modern-tls"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("How to fix"))
        .stdout(predicate::str::contains("CC6.7"));
    // The closest id first: the one that contains what was typed, then by edit distance.
    soc2gate()
        .args(["explain", "aws-s3-encryption"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "similar: aws-s3-encryption-at-rest, ",
        ));
    soc2gate()
        .args(["explain", "aws-s3-versionig"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("similar: aws-s3-versioning, "));
    soc2gate()
        .args(["explain", "aws-s3-tls-onyl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("similar: aws-s3-tls-only, "));
}

#[test]
fn policy_test_runs_builtin_and_user_tests() {
    soc2gate()
        .args(["policy", "test"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(" passed, 0 failed"));

    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lib/mine_test.rego",
        "package mine_test\n\nimport data.soc2gate.lib.core\n\ntest_ok if core.path_text([\"a\", 0]) == \"a[0]\"\n\ntest_bad if core.path_text([\"a\"]) == \"b\"\n",
    );
    soc2gate()
        .args(["policy", "test"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("FAIL"))
        .stdout(predicate::str::contains("1 passed, 1 failed"));
}

#[test]
fn a_user_policy_with_bad_metadata_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mine.rego",
        "package mine\n\ndeny contains x if { false; x := 1 }\n",
    );
    soc2gate()
        .args(["scan", "testdata/example", "--policy-dir"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("mine.rego:"))
        .stderr(predicate::str::contains("METADATA"));
}

#[test]
fn a_user_policy_is_evaluated_next_to_the_builtins() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "tags.rego",
        r#"# METADATA
# title: Buckets carry an owner tag
# description: Every bucket names its owner.
# custom:
#   id: acme-bucket-owner
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_s3_bucket]
#   remediation: Add `tags = { owner = "team" }`.
package acme.bucket_owner

import data.soc2gate.lib.core

deny contains core.violation(b, "tags", "bucket has no owner tag") if {
	some b in core.resources("aws_s3_bucket")
	core.unset(b, ["tags", "owner"])
	not core.unknown(b, ["tags"])
}
"#,
    );
    let work = tempfile::tempdir().unwrap();
    write(work.path(), "main.tf", UNENCRYPTED);
    soc2gate()
        .current_dir(work.path())
        .args(["scan", "--policy-dir"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("acme-bucket-owner"));
}

#[test]
fn local_modules_are_expanded_when_the_scan_path_is_absolute() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "infra/main.tf",
        "module \"logs\" {\n  source = \"../modules/bucket\"\n  name   = \"acme-logs\"\n}\n",
    );
    write(
        dir.path(),
        "modules/bucket/main.tf",
        "variable \"name\" {\n  type = string\n}\n\nresource \"aws_s3_bucket\" \"this\" {\n  bucket = var.name\n}\n",
    );
    let elsewhere = tempfile::tempdir().unwrap();
    let output = soc2gate()
        .current_dir(elsewhere.path())
        .args(["scan", "--format", "json"])
        .arg(dir.path().canonicalize().unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("not expanded"), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let resources: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["resource"].as_str().unwrap())
        .collect();
    assert!(
        resources.contains(&"module.logs.aws_s3_bucket.this"),
        "{resources:?}"
    );
}
