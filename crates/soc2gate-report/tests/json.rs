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
    assert_eq!(keys(&v), ["version", "summary", "findings", "errors"]);
    assert_eq!(
        keys(&v["summary"]),
        [
            "findings",
            "by_severity",
            "suppressed",
            "load_errors",
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
