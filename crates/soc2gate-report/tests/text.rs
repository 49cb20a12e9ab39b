//! The text format: color only when asked, a summary line that counts what matters, and
//! no panic on odd input.

mod common;

use soc2gate_report::{render, Format, TextOptions};

fn text(fixture: &common::Fixture, color: bool, width: usize) -> String {
    render(
        Format::Text,
        &fixture.report(),
        &TextOptions { color, width },
    )
}

#[test]
fn no_ansi_escapes_without_color() {
    for fixture in [common::small(), common::full(), common::clean()] {
        let out = text(&fixture, false, 100);
        assert!(!out.contains('\u{1b}'), "{out}");
    }
}

#[test]
fn color_when_asked() {
    let out = text(&common::small(), true, 100);
    assert!(out.contains("\u{1b}["), "{out}");
    // Same words as without color.
    let plain = text(&common::small(), false, 100);
    assert!(out.contains("aws-s3-no-public-acl") && plain.contains("aws-s3-no-public-acl"));
}

#[test]
fn the_summary_then_the_gates_verdict_are_the_last_lines() {
    let out = text(&common::small(), false, 100);
    let last: Vec<&str> = out.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "gate fails: 2 findings at or above low (--fail-on low)",
            "2 findings (1 critical, 1 high) in 3 files, 2 modules, 5 resources · 1 suppressed · 1 file failed to load · 0.12s"
        ]
    );
    let out = text(&common::clean(), false, 100);
    assert_eq!(
        out,
        "No findings in 1 file, 1 module, 1 resource · 0.00s\ngate passes: no finding at or above low (--fail-on low)\n"
    );
}

#[test]
fn suppressed_findings_are_listed_not_reported() {
    let out = text(&common::small(), false, 100);
    assert!(out.contains(
        "suppressed: aws-s3-versioning at testdata/report/main.tf:11 — static website assets, no customer data (expires 2027-06-30)"
    ));
    assert!(!out.contains("aws-s3-versioning: "), "{out}");
}

#[test]
fn findings_and_load_errors_say_where() {
    let out = text(&common::full(), false, 100);
    assert!(out.contains("[testdata/report/main.tf:4:12]"), "{out}");
    assert!(out.contains("[testdata/report/broken.tf:3:1]"), "{out}");
    // Without the file's text, the location is still printed.
    assert!(out.contains("at modules/gone/main.tf:4:3"), "{out}");
    assert!(out.contains("at secrets/main.tf:1:1"), "{out}");
}

#[test]
fn any_width_renders() {
    for width in [0, 1, 30, 1000] {
        let out = text(&common::full(), false, width);
        assert!(out.contains("aws-s3-no-public-acl"), "{width}: {out}");
    }
}

/// Spans from a stale or odd source map: past the end, inside a character, in an empty
/// file, on CRLF lines. Each still renders with a snippet and a label.
#[test]
fn odd_spans_render_with_a_label() {
    use soc2gate_model::{Finding, Severity, SourceFile, Span};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    let files = [
        SourceFile::new("empty.tf", ""),
        SourceFile::new("crlf.tf", "a = 1\r\nb = 2\r\n"),
        SourceFile::new("multibyte.tf", "x = \"é\"\n"),
    ];
    let spans = [(0, 0), (40, 90), (7, 7), (5, 7), (6, 6)];
    let mut findings = Vec::new();
    for file in &files {
        for (start, end) in spans {
            let mut location = file.locate(Span::new(start, end));
            location.span = Span::new(start, end); // as given, unclamped
            findings.push(Finding {
                rule_id: "r".to_string(),
                severity: Severity::High,
                controls: vec![],
                message: "m".to_string(),
                location,
                resource: "x.y".to_string(),
                attribute: String::new(),
                fingerprint: String::new(),
                suppression: None,
                via: Vec::new(),
                also: Vec::new(),
            });
        }
    }
    let sources: BTreeMap<String, Arc<SourceFile>> = files
        .iter()
        .map(|f| (f.path.clone(), Arc::new(f.clone())))
        .collect();
    let report = soc2gate_report::Report {
        findings: &findings,
        load_errors: &[],
        unexpanded: &[],
        rules: &[],
        sources: &sources,
        summary: Default::default(),
        tool_version: "0",
        idle_rules: &[],
        notes: &[],
    };
    let out = render(Format::Text, &report, &TextOptions::default());
    assert!(!out.contains("Failed to read contents"), "{out}");
    assert_eq!(out.matches("╭─[").count(), findings.len(), "{out}");
    let sarif: serde_json::Value =
        serde_json::from_str(&render(Format::Sarif, &report, &TextOptions::default())).unwrap();
    assert_eq!(soc2gate_report::validate_sarif(&sarif), Ok(()));
}

#[test]
fn a_finding_inside_a_module_says_which_calls_lead_there() {
    let out = text(&common::modules(), false, 100);
    assert!(
        out.contains("  via module.archive at testdata/report/stack/main.tf:7\n  also via module.logs at testdata/report/stack/main.tf:2\n\n"),
        "{out}"
    );
    assert!(
        out.contains("modules not expanded, the resources they create were not checked:\n  module.vpc (terraform-aws-modules/vpc/aws) at testdata/report/stack/main.tf:12: remote sources are not fetched\n"),
        "{out}"
    );
    assert!(
        out.lines()
            .rev()
            .nth(1)
            .unwrap()
            .contains(" · 1 module not expanded · "),
        "{out}"
    );
}
