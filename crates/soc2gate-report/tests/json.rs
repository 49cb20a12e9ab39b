//! JSON: the documented field names, and nothing that varies between identical runs but
//! `elapsed_ms`.

mod common;

use std::time::Duration;

use serde_json::Value;
use soc2gate_report::{render, Format, TextOptions};

fn json(fixture: &common::Fixture) -> Value {
    let out = render(Format::Json, &fixture.report(), &TextOptions::default());
    serde_json::from_str(&out).expect("JSON output parses")
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn field_names_are_the_documented_ones() {
    let v = json(&common::full());
    assert_eq!(
        keys(&v),
        [
            "version",
            "summary",
            "findings",
            "errors",
            "modules_not_expanded"
        ]
    );
    assert_eq!(
        keys(&v["summary"]),
        [
            "findings",
            "by_severity",
            "suppressed",
            "load_errors",
            "modules_not_expanded",
            "files",
            "modules",
            "resources",
            "rules",
            "elapsed_ms"
        ]
    );
    assert_eq!(
        keys(&v["summary"]["by_severity"]),
        ["critical", "high", "medium", "low"]
    );
    let finding_keys = [
        "rule_id",
        "severity",
        "controls",
        "title",
        "message",
        "file",
        "start_line",
        "start_column",
        "end_line",
        "end_column",
        "resource",
        "attribute",
        "fingerprint",
        "suppression",
        "via",
        "also",
    ];
    for f in v["findings"].as_array().unwrap() {
        assert_eq!(keys(f), finding_keys);
        if !f["suppression"].is_null() {
            assert_eq!(
                keys(&f["suppression"]),
                ["kind", "justification", "expires"]
            );
        }
    }
    for e in v["errors"].as_array().unwrap() {
        assert_eq!(keys(e), ["file", "line", "column", "message", "help"]);
    }
}

#[test]
fn a_finding_inside_a_module_names_its_calls() {
    let v = json(&common::modules());
    let merged = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "aws-s3-no-public-acl")
        .unwrap();
    assert_eq!(merged["file"], common::BUCKET_TF);
    assert_eq!(
        merged["via"],
        serde_json::json!([{"module": "module.archive", "file": common::STACK_TF, "line": 7, "column": 1}])
    );
    assert_eq!(
        merged["also"],
        serde_json::json!([{
            "resource": "module.logs.aws_s3_bucket.this",
            "attribute": "acl",
            "via": [{"module": "module.logs", "file": common::STACK_TF, "line": 2, "column": 1}]
        }])
    );
    assert_eq!(v["summary"]["modules_not_expanded"], 1);
    let vpc = &v["modules_not_expanded"][0];
    assert_eq!(
        keys(vpc),
        ["module", "source", "file", "line", "column", "reason", "help"]
    );
    assert_eq!(vpc["module"], "module.vpc");
    assert_eq!(vpc["line"], 12);
}

#[test]
fn summary_counts_unsuppressed_findings_by_severity() {
    let v = json(&common::full());
    let s = &v["summary"];
    assert_eq!(s["findings"], 6);
    assert_eq!(s["suppressed"], 2);
    assert_eq!(s["by_severity"]["critical"], 1);
    assert_eq!(s["by_severity"]["low"], 2);
    assert_eq!(s["load_errors"], 2);
    assert_eq!(v["findings"].as_array().unwrap().len(), 8);
}

#[test]
fn only_elapsed_ms_varies() {
    let mut fixture = common::small();
    let first = render(Format::Json, &fixture.report(), &TextOptions::default());
    assert_eq!(
        first,
        render(Format::Json, &fixture.report(), &TextOptions::default())
    );
    fixture.summary.elapsed = Duration::from_secs(3);
    let second = render(Format::Json, &fixture.report(), &TextOptions::default());
    let differing: Vec<(&str, &str)> = first
        .lines()
        .zip(second.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(
        differing,
        [("    \"elapsed_ms\": 120", "    \"elapsed_ms\": 3000")]
    );
}
