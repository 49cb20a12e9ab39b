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
fn the_summary_is_the_last_line() {
    let out = text(&common::small(), false, 100);
    assert_eq!(
        out.lines().last().unwrap(),
        "2 findings (1 critical, 1 high) in 3 files, 2 modules, 5 resources · 1 suppressed · 1 file failed to load · 0.12s"
    );
    let out = text(&common::clean(), false, 100);
    assert_eq!(out, "No findings in 1 file, 1 module, 1 resource · 0.00s\n");
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
