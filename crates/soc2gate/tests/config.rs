//! soc2gate.toml as users meet it: where it is found, what each key does, and the errors
//! (exit 2, `FILE:LINE:COL: what is wrong; allowed: ...`).

mod common;

use common::{bucket, findings, run, scan_json, soc2gate_in, write, BUCKET_RULES};
use predicates::prelude::*;

/// Scanning `dir` with `toml` as its soc2gate.toml stops with exit 2, nothing on stdout,
/// and `says` on stderr.
fn rejects(dir: &std::path::Path, toml: &str, says: &str) {
    write(dir, "soc2gate.toml", toml);
    soc2gate_in(dir)
        .arg("scan")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains(says));
}

#[test]
fn an_unknown_key_is_an_error_with_file_line_and_allowed_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    rejects(
        dir.path(),
        "# settings\nfail-on = \"high\"\n",
        "error: soc2gate.toml:2:1: unknown key `fail-on`; allowed: fail_on, exclude, enable, disable, [rules.<rule-id>], [[exceptions]]",
    );
}

#[test]
fn a_bad_severity_is_an_error_at_the_value() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    rejects(
        dir.path(),
        "[rules.aws-s3-tls-only]\nseverity = \"urgent\"\n",
        "soc2gate.toml:2:12: bad severity `urgent`; allowed: critical, high, medium, low",
    );
    rejects(
        dir.path(),
        "fail_on = \"severe\"\n",
        "soc2gate.toml:1:11: bad fail_on `severe`",
    );
}

#[test]
fn rule_ids_criteria_and_parameters_are_checked_against_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    for (text, says) in [
        ("disable = [\"aws-s3-tls\"]\n", "soc2gate.toml:1:12: disable: `aws-s3-tls` is neither a rule nor a SOC 2 criterion"),
        ("enable = [\"CC99.1\"]\n", "soc2gate.toml:1:11: enable: `CC99.1` is neither a rule nor a SOC 2 criterion"),
        ("[rules.aws-lb-modern-tls]\nmin_tls = \"1.3\"\n", "soc2gate.toml:2:1: rule `aws-lb-modern-tls` has no parameter `min_tls`; allowed: severity, min_tls_version"),
        ("[rules.aws-lb-modern-tls]\nmin_tls_version = 1.3\n", "soc2gate.toml:2:19: bad value for `min_tls_version` of rule `aws-lb-modern-tls`: it is a number; allowed: a string"),
        ("[rules.no-such-rule]\nseverity = \"low\"\n", "soc2gate.toml:1:8: [rules.no-such-rule]: no rule `no-such-rule`"),
        ("[[exceptions]]\nrule = \"aws-s3-tls-only\"\nresource = \"*\"\n", "needs a `reason`"),
    ] {
        rejects(dir.path(), text, says);
    }
}

#[test]
fn an_empty_enable_list_is_an_error_that_says_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    rejects(
        dir.path(),
        "fail_on = \"low\"\nenable = []\n",
        "error: soc2gate.toml:2:10: enable = [] would enable nothing; to evaluate every rule remove the `enable` key, otherwise list rule ids or criteria",
    );
}

#[test]
fn a_parameter_value_the_rule_rejects_is_an_error_at_the_value() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    rejects(
        dir.path(),
        "[rules.aws-lb-modern-tls]\nmin_tls_version = \"1.1\"\n",
        "error: soc2gate.toml:2:19: bad value for `min_tls_version` of rule `aws-lb-modern-tls`: min_tls_version must be \"1.2\" or \"1.3\", not \"1.1\"",
    );
    // The allowed values scan.
    write(
        dir.path(),
        "soc2gate.toml",
        "[rules.aws-lb-modern-tls]\nmin_tls_version = \"1.3\"\n",
    );
    soc2gate_in(dir.path()).arg("scan").assert().code(1);
}

#[test]
fn the_config_is_found_walking_up_and_the_command_line_wins() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "infra/main.tf", &bucket("data"));
    write(dir.path(), "soc2gate.toml", "fail_on = \"critical\"\n");
    // The high findings do not reach the configured threshold...
    soc2gate_in(dir.path())
        .args(["scan", "infra"])
        .assert()
        .code(0);
    soc2gate_in(&dir.path().join("infra"))
        .arg("scan")
        .assert()
        .code(0);
    // ...unless --fail-on says otherwise.
    soc2gate_in(dir.path())
        .args(["scan", "infra", "--fail-on", "high"])
        .assert()
        .code(1);
    // --config names another file; a missing one is an error.
    write(dir.path(), "strict.toml", "fail_on = \"low\"\n");
    soc2gate_in(dir.path())
        .args(["scan", "infra", "--config", "strict.toml"])
        .assert()
        .code(1);
    soc2gate_in(dir.path())
        .args(["scan", "infra", "--config", "none.toml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("none.toml"))
        .stderr(predicate::str::contains("cannot read the config file"));
}

#[test]
fn excluded_files_are_not_scanned_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
    );
    write(dir.path(), "legacy/main.tf", &bucket("old"));
    write(dir.path(), "examples/demo/main.tf", &bucket("demo"));
    write(
        dir.path(),
        "soc2gate.toml",
        "exclude = [\"legacy\", \"examples/**/*.tf\"]\n",
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["excluded"], 2);
    soc2gate_in(dir.path())
        .arg("scan")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "excluded: 2 files by `exclude` in soc2gate.toml",
        ));
    // A file named on the command line is scanned all the same.
    soc2gate_in(dir.path())
        .args(["scan", "legacy/main.tf"])
        .assert()
        .code(1);
}

#[test]
fn enable_and_disable_take_rule_ids_and_criteria() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    let rules = |config: &str| -> Vec<String> {
        write(dir.path(), "soc2gate.toml", config);
        let (_, report) = scan_json(dir.path(), &[]);
        findings(&report).into_iter().map(|f| f.0).collect()
    };
    assert_eq!(
        rules(""),
        vec!["aws-s3-encryption-at-rest", "aws-s3-tls-only"]
    );
    assert_eq!(
        rules("disable = [\"CC6.7\"]\n"),
        vec!["aws-s3-encryption-at-rest"]
    );
    assert_eq!(
        rules("enable = [\"aws-s3-tls-only\"]\n"),
        vec!["aws-s3-tls-only"]
    );
    assert_eq!(
        rules("enable = [\"C1.1\", \"CC6.7\"]\ndisable = [\"aws-s3-tls-only\"]\n"),
        vec!["aws-s3-encryption-at-rest"]
    );
}

#[test]
fn severity_overrides_change_findings_and_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    write(
        dir.path(),
        "soc2gate.toml",
        "fail_on = \"high\"\n\n[rules.aws-s3-tls-only]\nseverity = \"low\"\n\n[rules.aws-s3-encryption-at-rest]\nseverity = \"medium\"\n",
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0);
    let severities: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities, vec!["medium", "low"]);
}

#[test]
fn config_exceptions_suppress_expire_and_warn_when_unused() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "infra/main.tf",
        &format!("{}\n{}", bucket("site"), bucket("data")),
    );
    write(
        dir.path(),
        "soc2gate.toml",
        r#"[[exceptions]]
rule = "aws-s3-encryption-at-rest"
resource = "aws_s3_bucket.s*"
reason = "public website assets"
expires = 2027-06-30

[[exceptions]]
rule = "aws-s3-tls-only"
path = "infra/**"
resource = "aws_s3_bucket.site"
reason = "served through CloudFront only"
expires = "2026-01-31"

[[exceptions]]
rule = "aws-iam-no-wildcard-admin"
path = "infra"
reason = "break-glass role"
"#,
    );
    // Run from a subdirectory: globs are relative to the config file.
    let (code, out, err) = run(soc2gate_in(&dir.path().join("infra")).args(["scan", "-f", "json"]));
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let all = report["findings"].as_array().unwrap();
    let find = |rule: &str, resource: &str| {
        all.iter()
            .find(|f| f["rule_id"] == rule && f["resource"] == resource)
            .unwrap_or_else(|| panic!("no {rule} on {resource}: {report:#}"))
    };
    assert_eq!(
        find("aws-s3-encryption-at-rest", "aws_s3_bucket.site")["suppression"],
        serde_json::json!({"kind": "external", "justification": "public website assets", "expires": "2027-06-30"})
    );
    let expired = find("aws-s3-tls-only", "aws_s3_bucket.site");
    assert!(expired["suppression"].is_null());
    assert!(
        expired["message"].as_str().unwrap().ends_with(
            "; the exception for it in ../soc2gate.toml:7 expired on 2026-01-31 (served through CloudFront only)"
        ),
        "{expired}"
    );
    assert!(find("aws-s3-encryption-at-rest", "aws_s3_bucket.data")["suppression"].is_null());
    let unused = find("unused-exception", "");
    assert_eq!(unused["file"], "../soc2gate.toml");
    assert_eq!(unused["start_line"], 14);
    assert!(unused["message"]
        .as_str()
        .unwrap()
        .contains("exception for aws-iam-no-wildcard-admin matches no finding"));
}

#[test]
fn init_writes_a_starter_that_scans_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- demo\n{}",
            bucket("data")
        ),
    );
    soc2gate_in(dir.path())
        .arg("init")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("soc2gate.toml"));
    let text = std::fs::read_to_string(dir.path().join("soc2gate.toml")).unwrap();
    assert!(
        text.contains("fail_on = \"low\"") && text.contains("# [[exceptions]]"),
        "{text}"
    );
    soc2gate_in(dir.path()).arg("scan").assert().code(0);
    soc2gate_in(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "already exists; --force overwrites it",
        ));
    std::fs::write(dir.path().join("soc2gate.toml"), "junk").unwrap();
    soc2gate_in(dir.path())
        .args(["init", "--force"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("soc2gate.toml")).unwrap(),
        text
    );
}
