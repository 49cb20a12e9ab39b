//! Inline exceptions (`soc2gate:ignore` comments) as users meet them: what they suppress,
//! how malformed, expired and unused ones are reported, and in which formats.

mod common;

use common::{
    bucket, bucket_companions, findings, run, scan_json, soc2gate_in, write, BUCKET_RULES,
};
use predicates::prelude::*;

#[test]
fn a_valid_exception_suppresses_with_its_reason_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- static site assets, no customer data (expires 2027-06-30)\n{}",
            bucket("site")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    let all = report["findings"].as_array().unwrap();
    assert_eq!(all.len(), 2, "{report:#}");
    for f in all {
        assert_eq!(f["start_line"], 2);
        assert_eq!(
            f["suppression"],
            serde_json::json!({"kind": "inSource", "justification": "static site assets, no customer data", "expires": "2027-06-30"})
        );
    }
    assert_eq!(report["summary"]["suppressed"], 2);

    soc2gate_in(dir.path())
        .arg("scan")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "suppressed: aws-s3-encryption-at-rest at main.tf:2 — static site assets, no customer data (expires 2027-06-30)",
        ))
        .stdout(predicate::str::contains("No findings"))
        .stdout(predicate::str::contains("2 suppressed"));
}

#[test]
fn an_exception_covers_only_its_rules_and_its_resource() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore aws-s3-encryption-at-rest -- public data\n{}\n{}",
            bucket("site"),
            bucket("data")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1);
    let got = findings(&report);
    let suppressed: Vec<(&str, &str)> = got
        .iter()
        .filter(|f| f.4)
        .map(|f| (f.0.as_str(), f.3.as_str()))
        .collect();
    assert_eq!(
        suppressed,
        vec![("aws-s3-encryption-at-rest", "aws_s3_bucket.site")]
    );
    assert_eq!(got.iter().filter(|f| !f.4).count(), 3, "{got:?}");
}

#[test]
fn trailing_and_slash_comments_and_attribute_exceptions() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        r#"resource "aws_s3_bucket" "site" { // soc2gate:ignore aws-s3-encryption-at-rest,aws-s3-tls-only,aws-s3-versioning,aws-s3-access-logging,aws-s3-public-access-block -- public assets
  bucket = "acme-site"
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:123456789012:certificate/1"
  # soc2gate:ignore aws-lb-modern-tls -- legacy clients until 2027 (expires 2027-01-31)
  ssl_policy        = "ELBSecurityPolicy-2016-08"
  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
  }
}
"#,
    );
    let (code, report) = scan_json(dir.path(), &[]);
    let got = findings(&report);
    assert!(
        got.iter()
            .any(|f| f.0 == "aws-lb-modern-tls" && f.2 == 11 && f.4),
        "{got:?}"
    );
    assert!(got.iter().all(|f| f.4), "every finding is covered: {got:?}");
    assert_eq!(code, 0);
}

#[test]
fn an_exception_without_a_reason_suppresses_nothing_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!("# soc2gate:ignore {BUCKET_RULES}\n{}", bucket("site")),
    );
    let (code, report) = scan_json(dir.path(), &["--fail-on", "high"]);
    assert_eq!(code, 1);
    let got = findings(&report);
    assert_eq!(
        got,
        vec![
            (
                "invalid-exception".into(),
                "main.tf".into(),
                1,
                "aws_s3_bucket.site".into(),
                false
            ),
            (
                "aws-s3-encryption-at-rest".into(),
                "main.tf".into(),
                2,
                "aws_s3_bucket.site".into(),
                false
            ),
            (
                "aws-s3-tls-only".into(),
                "main.tf".into(),
                2,
                "aws_s3_bucket.site".into(),
                false
            ),
        ]
    );
    let invalid = &report["findings"][0];
    assert_eq!(invalid["severity"], "high");
    assert!(
        invalid["message"]
            .as_str()
            .unwrap()
            .contains("it gives no reason"),
        "{invalid}"
    );
    assert_eq!(
        invalid["title"],
        "Exceptions name their rules and give a reason"
    );

    // A malformed expiry is invalid too.
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- ok (expires 2027-02-30)\n{}",
            bucket("site")
        ),
    );
    let (_, report) = scan_json(dir.path(), &[]);
    assert!(report["findings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("is not a date"));
}

#[test]
fn an_expired_exception_stops_suppressing_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- migration pending (expires 2027-06-30)\n{}",
            bucket("site")
        ),
    );
    // Still valid on its expiry date.
    let (code, _, _) = run(soc2gate_in(dir.path())
        .env("SOC2GATE_TODAY", "2027-06-30")
        .arg("scan"));
    assert_eq!(code, 0);

    let mut cmd = soc2gate_in(dir.path());
    cmd.env("SOC2GATE_TODAY", "2027-07-01")
        .args(["scan", "-f", "json"]);
    let (code, out, _) = run(&mut cmd);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    for f in report["findings"].as_array().unwrap() {
        assert!(f["suppression"].is_null());
        assert!(
            f["message"]
                .as_str()
                .unwrap()
                .ends_with("; the exception for it expired on 2027-06-30 (migration pending)"),
            "{f}"
        );
    }
    assert_eq!(
        report["findings"].as_array().unwrap().len(),
        2,
        "an expired exception that matched is not unused"
    );
}

#[test]
fn an_unused_exception_is_a_warning_in_every_format_and_never_fails() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- public assets\n{}\n# soc2gate:ignore aws-iam-no-wildcard-admin -- not needed any more\nvariable \"region\" {{\n  default = \"eu-west-1\"\n}}\n",
            bucket("site")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0, "warnings do not fail the gate: {report:#}");
    let unused: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "unused-exception")
        .collect();
    assert_eq!(unused.len(), 1, "{report:#}");
    assert_eq!(unused[0]["severity"], "low");
    // The line of the unused exception: after the first comment, the bucket and a blank.
    assert_eq!(unused[0]["start_line"], bucket("site").lines().count() + 3);
    assert!(unused[0]["message"]
        .as_str()
        .unwrap()
        .contains("exception for aws-iam-no-wildcard-admin matches no finding"));

    // Text: shown as a diagnostic; the gate still passes.
    soc2gate_in(dir.path())
        .arg("scan")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "unused-exception: exception for aws-iam-no-wildcard-admin",
        ));

    // SARIF: a note, with its rule in the driver, valid against the schema.
    let (code, out, _) = run(soc2gate_in(dir.path()).args(["scan", "-f", "sarif"]));
    assert_eq!(code, 0);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    if let Err(errors) = soc2gate_report::validate_sarif(&sarif) {
        panic!("SARIF does not validate:\n{}", errors.join("\n"));
    }
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let warning = results
        .iter()
        .find(|r| r["ruleId"] == "unused-exception")
        .expect("unused-exception result");
    assert_eq!(warning["level"], "note");
    let suppressed = results
        .iter()
        .find(|r| r["ruleId"] == "aws-s3-tls-only")
        .unwrap();
    assert_eq!(suppressed["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        suppressed["suppressions"][0]["justification"],
        "public assets"
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert!(rules.iter().any(|r| r["id"] == "invalid-exception"));
    assert!(rules.iter().any(|r| r["id"] == "unused-exception"));
}

#[test]
fn an_exception_naming_an_unknown_rule_is_unused() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES},aws-s3-encryption -- typo\n{}",
            bucket("site")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 0);
    let unused = &report["findings"][0];
    assert_eq!(unused["rule_id"], "unused-exception");
    assert!(unused["message"]
        .as_str()
        .unwrap()
        .contains("`aws-s3-encryption`, which is not a rule of this scan"));
}

#[test]
fn yaml_settings_take_exceptions_too() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".github/settings.yml",
        r#"branches:
  - name: main
    # soc2gate:ignore github-branch-protection-reviews,github-branch-protection-dismiss-stale,github-branch-protection-code-owners -- solo maintainer (expires 2027-01-01)
    protection:
      enforce_admins: false # soc2gate:ignore github-branch-protection-enforce-admins -- admins merge hotfixes
      allow_deletions: false
      allow_force_pushes: false
      required_status_checks:
        strict: true
        contexts: ["ci"]
"#,
    );
    let (code, report) = scan_json(dir.path(), &[]);
    let got = findings(&report);
    assert!(got.len() >= 4, "{got:?}");
    assert!(got.iter().all(|f| f.4), "every finding is covered: {got:?}");
    assert!(got
        .iter()
        .any(|f| f.0 == "github-branch-protection-enforce-admins" && f.2 == 5));
    assert_eq!(code, 0);
}

#[test]
fn no_inline_exceptions_ignores_every_comment() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- public assets\n{}# soc2gate:ignore aws-iam-no-wildcard-admin\nvariable \"x\" {{}}\n",
            bucket("site")
        ),
    );
    let (code, report) = scan_json(dir.path(), &["--no-inline-exceptions"]);
    assert_eq!(code, 1);
    let rules: Vec<String> = findings(&report).into_iter().map(|f| f.0).collect();
    assert_eq!(rules, vec!["aws-s3-encryption-at-rest", "aws-s3-tls-only"]);
    assert_eq!(report["summary"]["suppressed"], 0);
}

#[test]
fn an_exception_above_a_module_block_covers_that_instance() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore {BUCKET_RULES} -- the archive holds public data only\nmodule \"archive\" {{\n  source = \"./modules/bucket\"\n  name   = \"acme-archive\"\n}}\n\nmodule \"logs\" {{\n  source = \"./modules/bucket\"\n  name   = \"acme-logs\"\n}}\n"
        ),
    );
    write(
        dir.path(),
        "modules/bucket/main.tf",
        &format!(
            "variable \"name\" {{\n  type = string\n}}\n\nresource \"aws_s3_bucket\" \"this\" {{\n  bucket = var.name\n}}\n{}",
            bucket_companions("aws_s3_bucket.this.id", "this")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    let got = findings(&report);
    let by_resource = |address: &str| -> Vec<bool> {
        got.iter().filter(|f| f.3 == address).map(|f| f.4).collect()
    };
    assert_eq!(
        by_resource("module.archive.aws_s3_bucket.this"),
        vec![true, true],
        "{got:?}"
    );
    assert_eq!(
        by_resource("module.logs.aws_s3_bucket.this"),
        vec![false, false],
        "{got:?}"
    );
    assert!(got.iter().all(|f| f.0 != "unused-exception"), "{got:?}");
    assert_eq!(code, 1);
}

#[test]
fn explain_and_rules_know_the_exception_rules() {
    common::soc2gate()
        .args(["explain", "invalid-exception"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("- **Severity:** high"))
        .stdout(predicate::str::contains("soc2gate:ignore"));
    common::soc2gate()
        .args(["explain", "unused-exception"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("never failing the gate"));
    common::soc2gate()
        .arg("rules")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("unused-exception"));
}

/// Checkov's and Trivy's inline suppressions suppress the soc2gate rules that check the
/// same thing, with their reason; --no-inline-exceptions ignores them too.
#[test]
fn checkov_and_trivy_comments_are_honoured_for_their_rules() {
    let dir = tempfile::tempdir().unwrap();
    let site = bucket("site").replacen(
        "{\n",
        "{\n  #checkov:skip=CKV_AWS_19:public website assets\n  # checkov:skip=CKV_AWS_999:a check soc2gate does not have\n",
        1,
    );
    write(
        dir.path(),
        "main.tf",
        &format!(
            "{site}\n#trivy:ignore:AVD-AWS-0088\n{}\n# trivy:ignore:AVD-AWS-0088:exp:2020-01-31\n{}\n{}",
            bucket("assets"),
            bucket("old"),
            bucket("data")
        ),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1, "{report:#}");
    let encryption: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "aws-s3-encryption-at-rest")
        .collect();
    let by_resource = |r: &str| {
        *encryption
            .iter()
            .find(|f| f["resource"] == r)
            .unwrap_or_else(|| panic!("no finding for {r}: {report:#}"))
    };
    assert_eq!(
        by_resource("aws_s3_bucket.site")["suppression"],
        serde_json::json!({"kind": "inSource", "justification": "public website assets (checkov:skip=CKV_AWS_19)", "expires": null})
    );
    assert_eq!(
        by_resource("aws_s3_bucket.assets")["suppression"]["justification"],
        "trivy:ignore:AVD-AWS-0088 (no reason given)"
    );
    // Expired: reported, and it says so.
    let old = by_resource("aws_s3_bucket.old");
    assert!(old["suppression"].is_null());
    assert!(
        old["message"]
            .as_str()
            .unwrap()
            .contains("the exception for it expired on 2020-01-31"),
        "{old:#}"
    );
    assert!(by_resource("aws_s3_bucket.data")["suppression"].is_null());
    // Only the mapped rule: TLS-only findings of the same buckets stay.
    let tls = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "aws-s3-tls-only" && f["suppression"].is_null())
        .count();
    assert_eq!(tls, 4, "{report:#}");
    // Migrated comments that cover nothing are not `unused-exception` warnings.
    assert!(
        !report.to_string().contains("unused-exception"),
        "{report:#}"
    );

    let (_, report) = scan_json(dir.path(), &["--no-inline-exceptions"]);
    assert_eq!(report["summary"]["suppressed"], 0, "{report:#}");
}
