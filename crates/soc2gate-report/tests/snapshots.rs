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
