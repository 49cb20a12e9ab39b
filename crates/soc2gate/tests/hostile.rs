//! Hostile input through the binary: what used to crash, hang, or pass without checking.
//! Each scan must end with a report and exit 0, 1 or 2.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// Runs `scan` with `args` in `dir`: (exit code, stdout, stderr), failing the test when it
/// takes long.
fn scan(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let start = Instant::now();
    let out = run(soc2gate_in(dir).arg("scan").args(args));
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    assert!([0, 1, 2].contains(&out.0), "exit {}: {}", out.0, out.2);
    out
}

#[test]
fn a_variable_default_that_refers_to_itself_is_reported_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "variable \"v\" {\n  default = var.v\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.v\n}\n",
    );
    let (code, out) = scan_json(dir.path(), &[]);
    assert_eq!(code, 2);
    let errors = out["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["message"], "reference cycle: var.v -> var.v");
    assert_eq!(errors[0]["line"], 2);
}

#[test]
fn an_environment_variable_that_is_not_utf8_is_skipped_with_a_warning() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("b"));
    let bad = std::ffi::OsStr::from_bytes(b"\xff\xfe");
    let (code, _, err) = run(soc2gate_in(dir.path())
        .args(["scan", "--format", "json"])
        .env("TF_VAR_name", bad)
        .env("UNRELATED", bad));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "warning: the environment variable TF_VAR_name is not valid UTF-8; soc2gate ignored it"
        ),
        "{err}"
    );
    assert!(!err.contains("UNRELATED"), "{err}");
}

#[test]
fn in_git_tracked_files_are_scanned_whatever_ignore_files_say() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hidden/main.tf", &bucket("hidden"));
    write(root, "dotignored/main.tf", &bucket("dotignored"));
    write(root, ".gitignore", "hidden/\nscratch/\n");
    write(root, ".ignore", "dotignored/\n");
    git(root, &["init", "--quiet"]);
    git(root, &["add", "-f", "."]);
    git(root, &["commit", "--quiet", "-m", "x"]);
    // Untracked and ignored: not scanned, but counted.
    write(root, "scratch/main.tf", &bucket("scratch"));
    let (code, out) = scan_json(root, &[]);
    assert_eq!(code, 1);
    let files: Vec<String> = findings(&out).into_iter().map(|f| f.1).collect();
    assert!(files.contains(&"hidden/main.tf".to_string()), "{files:?}");
    assert!(
        files.contains(&"dotignored/main.tf".to_string()),
        "{files:?}"
    );
    assert!(!files.contains(&"scratch/main.tf".to_string()), "{files:?}");
    assert_eq!(out["summary"]["ignored"], 1);
    let (_, text, err) = scan(root, &["--verbose"]);
    assert!(
        text.contains("ignored: 1 file by .gitignore or .ignore"),
        "{text}"
    );
    assert!(err.contains("ignored: scratch/main.tf"), "{err}");
}

#[test]
fn outside_git_ignore_files_apply_and_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "hidden/main.tf", &bucket("hidden"));
    write(root, "kept/main.tf", &bucket("kept"));
    write(root, ".ignore", "hidden/\n");
    let (code, out) = scan_json(root, &[]);
    assert_eq!(code, 1);
    let files: Vec<String> = findings(&out).into_iter().map(|f| f.1).collect();
    assert!(files.iter().all(|f| f == "kept/main.tf"), "{files:?}");
    assert_eq!(out["summary"]["ignored"], 1);
}

#[test]
fn symbolic_links_inside_the_root_are_followed_and_others_listed() {
    let outside = tempfile::tempdir().unwrap();
    write(outside.path(), "main.tf", &bucket("outside"));
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "shared/bucket.tf", &bucket("shared"));
    std::fs::create_dir_all(root.join("app")).unwrap();
    std::os::unix::fs::symlink(root.join("shared/bucket.tf"), root.join("app/bucket.tf")).unwrap();
    std::os::unix::fs::symlink(root.join("shared"), root.join("linked")).unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("escape")).unwrap();
    let (code, out, err) = scan(root, &["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let out: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut files: Vec<String> = findings(&out).into_iter().map(|f| f.1).collect();
    files.dedup();
    assert_eq!(
        files,
        ["app/bucket.tf", "linked/bucket.tf", "shared/bucket.tf"]
    );
    assert!(
        err.contains(
            "warning: escape:1:1: not followed: a symbolic link that leads outside the scan root"
        ),
        "{err}"
    );
}

#[test]
fn encrypted_files_are_skipped_with_a_notice_and_do_not_fail_the_scan() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "main.tf",
        "variable \"name\" {\n  default = \"acme\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\n",
    );
    std::fs::write(
        root.join("terraform.tfvars"),
        b"\0GITCRYPT\0\x8f\xa1\xff binary",
    )
    .unwrap();
    write(
        root,
        "prod.auto.tfvars.json",
        "{\n  \"name\": \"ENC[AES256_GCM,data:abc=,iv:x,tag:y,type:str]\",\n  \"sops\": {\n    \"mac\": \"ENC[AES256_GCM,data:m]\"\n  }\n}\n",
    );
    let (code, _, err) = scan(root, &["--format", "json"]);
    assert_ne!(code, 2, "{err}");
    assert!(
        err.contains(
            "terraform.tfvars:1:1: encrypted with git-crypt; its values are treated as unknown"
        ),
        "{err}"
    );
    assert!(
        err.contains("prod.auto.tfvars.json:1:1: encrypted with SOPS"),
        "{err}"
    );
}

#[test]
fn invalid_utf8_is_located_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("main.tf"),
        b"locals {\n  a = \"caf\xe9\"\n}\n",
    )
    .unwrap();
    let (code, out) = scan_json(dir.path(), &[]);
    assert_eq!(code, 2);
    let e = &out["errors"][0];
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(2), Some(11)),
        "{e}"
    );
}

#[test]
fn a_settings_file_with_long_comment_rules_or_written_as_json_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let rule = format!("# {}\n", "-".repeat(3000));
    write(
        root,
        "a/.github/settings.yml",
        &format!(
            "{rule}branches:\n  - name: main\n    protection:\n      enforce_admins: true\n{rule}"
        ),
    );
    write(
        root,
        "b/.github/settings.yml",
        r#"{"branches": [{"name": "main", "protection": {"enforce_admins": true, "required_pull_request_reviews": {"required_approving_review_count": 2}}}]}"#,
    );
    let (code, out) = scan_json(root, &[]);
    assert_ne!(code, 2, "{out:#}");
    assert_eq!(out["errors"], serde_json::json!([]));
    // Each file: the repository and its branch protection.
    assert_eq!(out["summary"]["resources"], 4, "{out:#}");
}

#[test]
fn a_garbage_config_is_located_where_the_parser_stopped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("b"));
    write(
        dir.path(),
        "soc2gate.toml",
        "fail_on = \"low\"\n\n  ]]] not toml\n",
    );
    let (code, _, err) = scan(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("soc2gate.toml:3:"), "{err}");
    std::fs::write(
        dir.path().join("soc2gate.toml"),
        b"fail_on = \"low\"\n# \xff\n",
    )
    .unwrap();
    let (code, _, err) = scan(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("soc2gate.toml:2:3: not valid UTF-8"), "{err}");
}

const SLOW: &str = r#"# METADATA
# title: Slow
# description: Runs away.
# custom:
#   id: acme-slow
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_s3_bucket]
#   remediation: None.
package acme.slow

import data.soc2gate.lib.core

deny contains core.violation(b, "", "slow") if {
	some b in core.resources("aws_s3_bucket")
	n := count([x | some x in numbers.range(1, 3000); some y in numbers.range(1, 3000); x < y])
	n < 0
}
"#;

#[test]
fn a_rule_that_runs_past_its_deadline_is_a_rule_error_naming_rule_and_unit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "policies/slow.rego", SLOW);
    write(root, "infra/main.tf", &bucket("b"));
    write(root, "soc2gate.toml", "rule_timeout_seconds = 0.2\n");
    let start = Instant::now();
    let (code, _, err) = scan(root, &["infra", "--policy-dir", "policies"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "rule acme-slow (policies/slow.rego) failed on infra: it ran longer than 0.2s"
        ),
        "{err}"
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn a_rule_calling_an_undefined_function_is_rejected_even_when_nothing_matches() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "policies/undef.rego",
        &SLOW
            .replace("acme-slow", "acme-undef")
            .replace("acme.slow", "acme.undef")
            .replace("aws_s3_bucket]", "aws_dynamodb_table]")
            .replace("\"aws_s3_bucket\"", "\"aws_dynamodb_table\"")
            .replace(
                "\tn := count([x | some x in numbers.range(1, 3000); some y in numbers.range(1, 3000); x < y])\n\tn < 0\n",
                "\tno_such_function(b)\n",
            ),
    );
    write(root, "main.tf", &bucket("b"));
    let (code, _, err) = scan(root, &["--policy-dir", "policies"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("could not find function no_such_function"),
        "{err}"
    );
}
