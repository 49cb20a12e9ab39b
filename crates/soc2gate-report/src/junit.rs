//! The JUnit XML format, for CI systems that show test reports (GitLab, Jenkins, Azure
//! Pipelines, test-reporter actions).
//!
//! One test suite per rule, named by its id. Each finding is a test case with a
//! `<failure>`; a suppressed finding is `<skipped>` with its justification; a rule without
//! findings has one passing test case, so the report lists every rule that was evaluated.
//! Files that failed to load are `<error>` cases of the suite `soc2gate.load-errors`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use soc2gate_model::{Finding, LoadError};

use crate::{Report, RuleView};

/// The suite that holds the files that failed to load.
const LOAD_ERRORS: &str = "soc2gate.load-errors";

pub(crate) fn render(report: &Report) -> String {
    let mut by_rule: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in report.findings {
        by_rule.entry(&f.rule_id).or_default().push(f);
    }
    let rules = report.rule_views();

    let mut suites = String::new();
    let mut total = Tally::default();
    for rule in &rules {
        let findings = by_rule.get(rule.id).map_or(&[][..], Vec::as_slice);
        let idle = report.idle_rules.iter().any(|id| id == rule.id);
        let tally = rule_suite(&mut suites, rule, findings, idle);
        total.add(tally);
    }
    if !report.load_errors.is_empty() {
        let tally = load_error_suite(&mut suites, report.load_errors);
        total.add(tally);
    }

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"soc2gate\" {} time=\"{:.3}\">",
        total.attributes(),
        report.summary.elapsed.as_secs_f64()
    );
    out += &suites;
    out += "</testsuites>\n";
    out
}

/// Test cases by outcome.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    tests: usize,
    failures: usize,
    errors: usize,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.tests += other.tests;
        self.failures += other.failures;
        self.errors += other.errors;
        self.skipped += other.skipped;
    }

    fn attributes(&self) -> String {
        format!(
            "tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"",
            self.tests, self.failures, self.errors, self.skipped
        )
    }
}

fn rule_suite(out: &mut String, rule: &RuleView, findings: &[&Finding], idle: bool) -> Tally {
    let suppressed = findings.iter().filter(|f| f.suppression.is_some()).count();
    let idle = idle && findings.is_empty();
    let tally = Tally {
        tests: findings.len().max(1),
        failures: findings.len() - suppressed,
        errors: 0,
        skipped: suppressed + usize::from(idle),
    };
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" {}>",
        attr(rule.id),
        tally.attributes()
    );
    out.push_str("    <properties>\n");
    if !rule.title.is_empty() {
        property(out, "title", rule.title);
    }
    property(out, "severity", rule.severity.as_str());
    if !rule.controls.is_empty() {
        property(out, "controls", &rule.controls.join(", "));
    }
    out.push_str("    </properties>\n");
    if idle {
        let types = rule
            .meta
            .map(|m| m.resource_types.join(", "))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    <testcase name=\"nothing to evaluate\" classname=\"{}\">\n      <skipped message=\"{}\"/>\n    </testcase>",
            attr(rule.id),
            attr(&format!("no resource of its types ({types}) in the scanned files"))
        );
    } else if findings.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase name=\"no findings\" classname=\"{}\"/>",
            attr(rule.id)
        );
    }
    for finding in findings {
        finding_case(out, finding);
    }
    out.push_str("  </testsuite>\n");
    tally
}

fn property(out: &mut String, name: &str, value: &str) {
    let _ = writeln!(
        out,
        "      <property name=\"{}\" value=\"{}\"/>",
        attr(name),
        attr(value)
    );
}

/// A finding's test case: named after the resource and attribute it blames, so the
/// failures of one rule read as a list of resources.
fn finding_case(out: &mut String, finding: &Finding) {
    let loc = &finding.location;
    let line = loc.start.line.max(1);
    let name = match (finding.resource.is_empty(), finding.attribute.is_empty()) {
        (true, _) => format!("{}:{line}", loc.file),
        (false, true) => finding.resource.clone(),
        (false, false) => format!("{}.{}", finding.resource, finding.attribute),
    };
    let _ = writeln!(
        out,
        "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{line}\">",
        attr(&name),
        attr(&finding.rule_id),
        attr(&loc.file)
    );
    match &finding.suppression {
        Some(s) => {
            let mut message = format!("suppressed: {}", s.justification.trim());
            if let Some(expires) = &s.expires {
                let _ = write!(message, " (expires {expires})");
            }
            let _ = writeln!(out, "      <skipped message=\"{}\"/>", attr(&message));
        }
        None => {
            let mut body = format!(
                "{}\nat {}:{line}:{}\nseverity: {}",
                finding.message,
                loc.file,
                loc.start.column.max(1),
                finding.severity
            );
            if !finding.controls.is_empty() {
                let _ = write!(body, "\nSOC 2: {}", finding.controls.join(", "));
            }
            if !finding.resource.is_empty() {
                let _ = write!(body, "\nresource: {}", finding.resource);
            }
            if !finding.attribute.is_empty() {
                let _ = write!(body, "\nattribute: {}", finding.attribute);
            }
            for line in crate::via_lines(finding) {
                let _ = write!(body, "\n{line}");
            }
            let _ = writeln!(
                out,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                attr(&finding.message),
                finding.severity,
                text(&body)
            );
        }
    }
    out.push_str("    </testcase>\n");
}

fn load_error_suite(out: &mut String, errors: &[LoadError]) -> Tally {
    let tally = Tally {
        tests: errors.len(),
        failures: 0,
        errors: errors.len(),
        skipped: 0,
    };
    let _ = writeln!(
        out,
        "  <testsuite name=\"{LOAD_ERRORS}\" {}>",
        tally.attributes()
    );
    for error in errors {
        let loc = &error.location;
        let (line, column) = (loc.start.line.max(1), loc.start.column.max(1));
        let mut body = format!("{}\nat {}:{line}:{column}", error.message, loc.file);
        if let Some(help) = &error.help {
            let _ = write!(body, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "    <testcase name=\"{}\" classname=\"{LOAD_ERRORS}\" file=\"{}\" line=\"{line}\">",
            attr(&format!("{}:{line}:{column}", loc.file)),
            attr(&loc.file)
        );
        let _ = writeln!(
            out,
            "      <error message=\"{}\" type=\"load-error\">{}</error>",
            attr(&error.message),
            text(&body)
        );
        out.push_str("    </testcase>\n");
    }
    out.push_str("  </testsuite>\n");
    tally
}

/// Character data: markup escaped, and characters XML 1.0 cannot hold at all (most
/// control characters) replaced, so a stray escape sequence cannot make the file unreadable.
fn text(s: &str) -> String {
    escape(s, false)
}

/// An attribute value: as character data, plus quotes, and line breaks and tabs as
/// character references, which a parser would otherwise normalize to spaces.
fn attr(s: &str) -> String {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\t' | '\n' => out.push(c),
            c if is_xml_char(c) => out.push(c),
            _ => out.push(char::REPLACEMENT_CHARACTER),
        }
    }
    out
}

/// XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_line_breaks_are_escaped() {
        assert_eq!(
            text("a < b && c > \"d\" 'e'"),
            "a &lt; b &amp;&amp; c &gt; \"d\" 'e'"
        );
        assert_eq!(
            attr("a < b & \"c\" 'd'\nline\ttab\r"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos;&#10;line&#9;tab&#13;"
        );
        assert_eq!(text("two\nlines\r\n"), "two\nlines&#13;\n");
    }

    #[test]
    fn characters_xml_cannot_hold_are_replaced() {
        assert_eq!(text("\u{1b}[31mred\u{0}"), "\u{fffd}[31mred\u{fffd}");
        assert_eq!(attr("\u{fffe}é😀"), "\u{fffd}é😀");
    }
}
