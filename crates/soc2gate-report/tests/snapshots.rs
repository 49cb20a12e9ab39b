//! Every format on a small report: findings, one suppressed, and a syntax error; the CI
//! formats also with an expired exception. Review a changed snapshot as the user would
//! read the output.

mod common;

use soc2gate_report::{render, Format, TextOptions};

const NO_COLOR: TextOptions = TextOptions {
    color: false,
    width: 100,
};

#[test]
fn text() {
    let fixture = common::small();
    insta::assert_snapshot!(render(Format::Text, &fixture.report(), &NO_COLOR));
}

#[test]
fn json() {
    let fixture = common::small();
    insta::assert_snapshot!(render(Format::Json, &fixture.report(), &NO_COLOR));
}

#[test]
fn sarif() {
    let fixture = common::small();
    insta::assert_snapshot!(render(Format::Sarif, &fixture.report(), &NO_COLOR));
}

/// Odd input renders without panicking: a file that was not read, an empty span, a rule
/// the report does not know, an unreadable file.
#[test]
fn text_odd_input() {
    let fixture = common::full();
    insta::assert_snapshot!(render(Format::Text, &fixture.report(), &NO_COLOR));
}

#[test]
fn text_clean() {
    let fixture = common::clean();
    insta::assert_snapshot!(render(Format::Text, &fixture.report(), &NO_COLOR));
}

/// The CI formats on the report with a suppressed finding, an expired exception, a rule
/// without findings and a syntax error.
#[test]
fn junit() {
    let fixture = common::gate();
    insta::assert_snapshot!(render(Format::Junit, &fixture.report(), &NO_COLOR));
}

#[test]
fn github() {
    let fixture = common::gate();
    insta::assert_snapshot!(render(Format::Github, &fixture.report(), &NO_COLOR));
}

#[test]
fn markdown() {
    let fixture = common::gate();
    insta::assert_snapshot!(render(Format::Markdown, &fixture.report(), &NO_COLOR));
}

#[test]
fn markdown_verdict_knows_the_gate_threshold() {
    // `--fail-on critical` with only lower findings: shown, and the gate passes.
    let mut fixture = common::gate();
    fixture
        .findings
        .retain(|f| f.severity < soc2gate_model::Severity::Critical);
    fixture.summary.fail_on = soc2gate_model::Severity::Critical;
    fixture.summary.fails = false;
    let out = render(Format::Markdown, &fixture.report(), &NO_COLOR);
    let heading = out.lines().next().unwrap();
    assert!(
        heading.starts_with("## ⚠️ soc2gate: 1 finding (1 high)"),
        "{heading}"
    );
    assert!(
        heading.contains("none failing the gate (it fails on critical and above)"),
        "{heading}"
    );

    fixture.summary.fails = true;
    let out = render(Format::Markdown, &fixture.report(), &NO_COLOR);
    assert!(out.starts_with("## ❌ soc2gate: "), "{out}");
}

/// A finding inside a module called twice: where it is, which calls lead there, and the
/// module calls that were not expanded, in every format.
#[test]
fn modules() {
    let fixture = common::modules();
    for format in Format::ALL {
        insta::assert_snapshot!(
            format!("modules_{format}"),
            render(format, &fixture.report(), &NO_COLOR)
        );
    }
}

#[test]
fn compact() {
    let fixture = common::small();
    insta::assert_snapshot!(render(Format::Compact, &fixture.report(), &NO_COLOR));
}

/// The text report ends with the gate's verdict: what fails it, and what is only shown.
#[test]
fn text_ends_with_the_gates_verdict() {
    let last_line = |fixture: &common::Fixture| {
        render(Format::Text, &fixture.report(), &NO_COLOR)
            .lines()
            .last()
            .unwrap()
            .to_string()
    };
    let mut fixture = common::gate();
    fixture.summary.fail_on = soc2gate_model::Severity::High;
    fixture.summary.failing = 2;
    fixture.notes = vec!["changed since main: 4 findings outside the changed files".into()];
    let out = render(Format::Text, &fixture.report(), &NO_COLOR);
    assert!(
        out.ends_with(
            "changed since main: 4 findings outside the changed files\n\
             gate fails: 2 findings at or above high (--fail-on high); 1 finding below high does not fail it\n"
        ),
        "{out}"
    );

    fixture.summary.fail_on = soc2gate_model::Severity::Critical;
    fixture.summary.failing = 0;
    fixture.summary.fails = false;
    assert_eq!(
        last_line(&fixture),
        "gate passes: no finding at or above critical (--fail-on critical); 3 findings below critical do not fail it"
    );
}

/// A rule with no resource of its types in the scan proved nothing: its test case is
/// skipped, not passed.
#[test]
fn junit_skips_rules_that_had_nothing_to_evaluate() {
    let mut fixture = common::gate();
    let passing = render(Format::Junit, &fixture.report(), &NO_COLOR);
    assert!(
        passing.contains("<testcase name=\"no findings\" classname=\"aws-s3-access-logging\"/>"),
        "{passing}"
    );

    fixture.idle_rules = vec!["aws-s3-access-logging".to_string()];
    let out = render(Format::Junit, &fixture.report(), &NO_COLOR);
    assert!(
        !out.contains("<testcase name=\"no findings\" classname=\"aws-s3-access-logging\"/>"),
        "{out}"
    );
    assert!(
        out.contains(
            "<testcase name=\"nothing to evaluate\" classname=\"aws-s3-access-logging\">\n      <skipped message=\"no resource of its types (aws_s3_bucket) in the scanned files\"/>"
        ),
        "{out}"
    );
    let skipped = |xml: &str| -> usize {
        let head = xml.lines().nth(1).unwrap();
        let at = head.find("skipped=\"").unwrap() + 9;
        head[at..].split('"').next().unwrap().parse().unwrap()
    };
    assert_eq!(skipped(&out), skipped(&passing) + 1);
}

/// Many modules not expanded are one annotation with the count and the first few, not one
/// annotation each.
#[test]
fn github_summarizes_modules_not_expanded_in_one_annotation() {
    let mut fixture = common::modules();
    let one = fixture.unexpanded[0].clone();
    for i in 0..7 {
        let mut u = one.clone();
        u.address = format!("module.extra_{i}");
        fixture.unexpanded.push(u);
    }
    let out = render(Format::Github, &fixture.report(), &NO_COLOR);
    let annotations: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("not expanded") && l.starts_with("::warning"))
        .collect();
    assert_eq!(annotations.len(), 1, "{out}");
    let a = annotations[0];
    assert!(
        a.starts_with(
            "::warning title=soc2gate%3A 8 modules not expanded::8 module calls were not expanded"
        ),
        "{a}"
    );
    assert!(
        a.contains("module.vpc (terraform-aws-modules/vpc/aws)"),
        "{a}"
    );
    assert!(a.contains("module.extra_3"), "{a}");
    assert!(!a.contains("module.extra_4"), "the first five only: {a}");
    assert!(
        a.contains("and 3 more; the job summary lists them all"),
        "{a}"
    );
    let summary = render(Format::Markdown, &fixture.report(), &NO_COLOR);
    assert!(summary.contains("module.extra_6"), "{summary}");
}
