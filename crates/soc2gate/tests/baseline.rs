//! The baseline as users meet it: `baseline create`, `scan --baseline`, new and fixed
//! findings, and malformed files.

mod common;

use common::{bucket, findings, run, scan_json, soc2gate_in, write};
use predicates::prelude::*;

const BASELINE: &str = ".soc2gate-baseline.json";

fn create(dir: &std::path::Path) {
    soc2gate_in(dir)
        .args(["baseline", "create"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "recorded 2 findings in .soc2gate-baseline.json",
        ));
}

#[test]
fn baselined_findings_are_suppressed_and_only_new_ones_fail() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/main.tf", &bucket("data"));
    create(dir.path());

    let text = std::fs::read_to_string(dir.path().join(BASELINE)).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["version"], 1);
    let entries = doc["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(
        entries[0],
        serde_json::json!({
            "rule": "aws-s3-encryption-at-rest",
            "file": "a/main.tf",
            "resource": "aws_s3_bucket.data",
            "attribute": "",
            "fingerprint": entries[0]["fingerprint"],
        })
    );
    assert_eq!(entries[1]["rule"], "aws-s3-tls-only");

    let (code, report) = scan_json(dir.path(), &["--baseline", BASELINE]);
    assert_eq!(code, 0, "{report:#}");
    for f in report["findings"].as_array().unwrap() {
        assert_eq!(
            f["suppression"],
            serde_json::json!({"kind": "external", "justification": "in baseline .soc2gate-baseline.json", "expires": null})
        );
    }
    assert_eq!(report["fixed"], serde_json::json!([]));

    // The same address in another file is a new finding, not absorbed by the baseline.
    write(dir.path(), "b/main.tf", &bucket("data"));
    let (code, report) = scan_json(dir.path(), &["--baseline", BASELINE]);
    assert_eq!(code, 1);
    let got = findings(&report);
    let new: Vec<(&str, &str)> = got
        .iter()
        .filter(|f| !f.4)
        .map(|f| (f.0.as_str(), f.1.as_str()))
        .collect();
    assert_eq!(
        new,
        vec![
            ("aws-s3-encryption-at-rest", "b/main.tf"),
            ("aws-s3-tls-only", "b/main.tf")
        ]
    );
    assert!(got.iter().filter(|f| f.1 == "a/main.tf").all(|f| f.4));
}

#[test]
fn a_resource_moved_to_another_file_is_new_and_its_old_entries_are_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    create(dir.path());
    write(
        dir.path(),
        "main.tf",
        "variable \"region\" {\n  default = \"eu-west-1\"\n}\n",
    );
    write(dir.path(), "buckets.tf", &bucket("data"));

    let (code, report) = scan_json(dir.path(), &["--baseline", BASELINE]);
    assert_eq!(code, 1);
    assert!(findings(&report)
        .iter()
        .all(|f| f.1 == "buckets.tf" && !f.4));
    assert_eq!(report["summary"]["fixed"], 2);
    let fixed = report["fixed"].as_array().unwrap();
    assert_eq!(fixed.len(), 2);
    assert_eq!(fixed[0]["rule"], "aws-s3-encryption-at-rest");
    assert_eq!(fixed[0]["file"], "main.tf");
    assert_eq!(fixed[0]["resource"], "aws_s3_bucket.data");

    soc2gate_in(dir.path())
        .args(["scan", "--baseline", BASELINE])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "baseline .soc2gate-baseline.json: 2 of its 2 findings no longer found (fixed)",
        ))
        .stdout(predicate::str::contains(
            "fixed: aws-s3-tls-only at main.tf (aws_s3_bucket.data)",
        ));
}

#[test]
fn entries_of_files_outside_the_scan_are_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/main.tf", &bucket("one"));
    write(
        dir.path(),
        "b/main.tf",
        "variable \"x\" {\n  default = 1\n}\n",
    );
    create(dir.path());
    let (code, report) = scan_json(dir.path(), &["b", "--baseline", BASELINE]);
    assert_eq!(code, 0);
    assert_eq!(report["fixed"], serde_json::json!([]));
}

#[test]
fn a_malformed_baseline_is_an_error_that_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "main.tf", &bucket("data"));
    write(
        dir.path(),
        "bad.json",
        "{\"version\": 1, \"findings\": [{\"rule\": \"aws-s3-tls-only\"}]}",
    );
    soc2gate_in(dir.path())
        .args(["scan", "--baseline", "bad.json"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("bad.json:1:"))
        .stderr(predicate::str::contains(
            "not a soc2gate baseline: missing field `file`",
        ))
        .stderr(predicate::str::contains(
            "soc2gate baseline create --output bad.json",
        ));
    soc2gate_in(dir.path())
        .args(["scan", "--baseline", "missing.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "cannot read baseline missing.json",
        ));
}

#[test]
fn baseline_create_respects_exceptions_and_refuses_an_incomplete_scan() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "main.tf",
        &format!(
            "# soc2gate:ignore aws-s3-tls-only -- behind CloudFront\n{}",
            bucket("data")
        ),
    );
    let (code, out, _) =
        run(soc2gate_in(dir.path()).args(["baseline", "create", "--output", "base.json"]));
    assert_eq!(code, 0);
    assert!(out.contains("recorded 1 finding in base.json"), "{out}");

    write(
        dir.path(),
        "broken/main.tf",
        "resource \"aws_s3_bucket\" \"x\" {\n  bucket = \n}\n",
    );
    soc2gate_in(dir.path())
        .args(["baseline", "create", "--output", "next.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("broken/main.tf:"))
        .stderr(predicate::str::contains("baseline not written"));
    assert!(!dir.path().join("next.json").exists());
    soc2gate_in(dir.path())
        .args([
            "baseline",
            "create",
            "--output",
            "next.json",
            "--allow-parse-errors",
        ])
        .assert()
        .code(0);
}
