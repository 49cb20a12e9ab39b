//! The GitHub format: workflow commands that GitHub Actions turns into annotations on the
//! findings' lines (`::error file=...,line=...::message`).
//!
//! Critical and high findings are errors, medium ones warnings, low ones notices; a file
//! that failed to load is an error; the module calls that were not expanded are one
//! warning with their count and the first few. A
//! finding inside a called module says through which `module` blocks it was reached. Suppressed findings and the summary are plain log
//! lines. GitHub shows a limited number of annotations per step, so the SARIF upload and
//! the Markdown summary remain the complete lists.

use std::fmt::Write as _;

use soc2gate_model::{Finding, LoadError, Location, Severity, UnexpandedModule};

use crate::text::{summary_line, suppressed_line};
use crate::Report;

pub(crate) fn render(report: &Report) -> String {
    let mut out = String::new();
    for finding in report.findings.iter().filter(|f| f.suppression.is_none()) {
        push_finding(&mut out, finding);
    }
    for error in report.load_errors {
        push_load_error(&mut out, error);
    }
    push_unexpanded(&mut out, report.unexpanded);
    for line in report.findings.iter().filter_map(suppressed_line) {
        out += &log_line(&line);
        out.push('\n');
    }
    out += &log_line(&summary_line(report, false));
    out.push('\n');
    out
}

fn push_finding(out: &mut String, finding: &Finding) {
    let command = match finding.severity {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    };
    let mut properties = location_properties(&finding.location, true);
    properties.push(("title", finding.rule_id.clone()));
    let mut message = format!("{} [{}", finding.message, finding.severity);
    if !finding.controls.is_empty() {
        let _ = write!(message, ", SOC 2 {}", finding.controls.join(", "));
    }
    message.push(']');
    for line in crate::via_lines(finding) {
        message.push('\n');
        message.push_str(&line);
    }
    push_command(out, command, &properties, &message);
}

/// Modules not expanded: one annotation for all of them, with the count and the first
/// few (a repository calling registry modules has hundreds, which would crowd out the
/// findings' annotations); the job summary (`--format markdown`) lists them all. A single
/// one is annotated on its `module` block.
fn push_unexpanded(out: &mut String, unexpanded: &[UnexpandedModule]) {
    const SHOWN: usize = 5;
    let title = ("title", "soc2gate: module not expanded".to_string());
    match unexpanded {
        [] => {}
        [u] => {
            let mut properties = location_properties(&u.location, false);
            properties.push(title);
            let message = format!("{}\n{}", u.message(), u.help);
            push_command(out, "warning", &properties, &message);
        }
        all => {
            let mut message = format!(
                "{} module calls were not expanded, so the resources they create were not checked:",
                all.len()
            );
            for u in all.iter().take(SHOWN) {
                let _ = write!(
                    message,
                    "\n{}:{}: {}",
                    u.location.file,
                    u.location.start.line.max(1),
                    u.message()
                );
            }
            if all.len() > SHOWN {
                let _ = write!(
                    message,
                    "\nand {} more; the job summary lists them all",
                    all.len() - SHOWN
                );
            }
            let mut helps: Vec<&str> = all.iter().map(|u| u.help.as_str()).collect();
            helps.sort_unstable();
            helps.dedup();
            for help in helps {
                let _ = write!(message, "\n{help}");
            }
            push_command(
                out,
                "warning",
                &[(
                    "title",
                    format!("soc2gate: {} modules not expanded", all.len()),
                )],
                &message,
            );
        }
    }
}

fn push_load_error(out: &mut String, error: &LoadError) {
    let mut properties = location_properties(&error.location, false);
    properties.push(("title", "soc2gate: file failed to load".to_string()));
    let mut message = error.message.clone();
    if let Some(help) = &error.help {
        let _ = write!(message, "\n{help}");
    }
    push_command(out, "error", &properties, &message);
}

/// `file`, `line`, `endLine`, and the columns when the span is on one line: GitHub's
/// annotations take columns only within a line. Our end column is one past the last
/// character; GitHub's `endColumn` is the last character.
fn location_properties(loc: &Location, with_end: bool) -> Vec<(&'static str, String)> {
    if loc.file.is_empty() {
        return Vec::new();
    }
    let line = loc.start.line.max(1);
    let column = loc.start.column.max(1);
    let mut properties = vec![("file", loc.file.clone()), ("line", line.to_string())];
    if !with_end {
        properties.push(("col", column.to_string()));
        return properties;
    }
    let end_line = loc.end.line.max(line);
    if end_line == line {
        let end_column = loc.end.column.saturating_sub(1).max(column);
        properties.push(("col", column.to_string()));
        properties.push(("endLine", end_line.to_string()));
        properties.push(("endColumn", end_column.to_string()));
    } else {
        properties.push(("endLine", end_line.to_string()));
    }
    properties
}

fn push_command(out: &mut String, command: &str, properties: &[(&str, String)], message: &str) {
    out.push_str("::");
    out.push_str(command);
    for (i, (key, value)) in properties.iter().enumerate() {
        out.push(if i == 0 { ' ' } else { ',' });
        out.push_str(key);
        out.push('=');
        out.push_str(&escape_property(value));
    }
    out.push_str("::");
    out.push_str(&escape_data(message));
    out.push('\n');
}

/// A command's message: `%`, CR and LF are percent-encoded, as the runner decodes them.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A command's property value: as the message, plus the `:` and `,` that delimit
/// properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A plain log line: line breaks become spaces, so text from the scanned files (a
/// justification, a path) cannot start a line of its own and be read as a command.
fn log_line(s: &str) -> String {
    s.replace(['\r', '\n'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Position, Span};

    #[test]
    fn data_and_properties_are_escaped_as_github_decodes_them() {
        assert_eq!(escape_data("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad");
        assert_eq!(
            escape_property("100% a:b,c\r\nd"),
            "100%25 a%3Ab%2Cc%0D%0Ad"
        );
        // `%` first, so an escape is never escaped twice.
        assert_eq!(escape_property("%0A"), "%250A");
    }

    fn location(start: (usize, usize), end: (usize, usize)) -> Location {
        Location {
            file: "m.tf".to_string(),
            start: Position {
                line: start.0,
                column: start.1,
            },
            end: Position {
                line: end.0,
                column: end.1,
            },
            span: Span::default(),
        }
    }

    fn keys(properties: &[(&str, String)]) -> String {
        properties
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(",")
    }

    #[test]
    fn columns_only_within_one_line() {
        assert_eq!(
            keys(&location_properties(&location((4, 12), (4, 25)), true)),
            "file=m.tf,line=4,col=12,endLine=4,endColumn=24"
        );
        assert_eq!(
            keys(&location_properties(&location((2, 1), (8, 2)), true)),
            "file=m.tf,line=2,endLine=8"
        );
        // An empty span still covers its column; an end before the start is ignored.
        assert_eq!(
            keys(&location_properties(&location((3, 5), (3, 5)), true)),
            "file=m.tf,line=3,col=5,endLine=3,endColumn=5"
        );
        assert_eq!(
            keys(&location_properties(&location((3, 5), (1, 1)), true)),
            "file=m.tf,line=3,col=5,endLine=3,endColumn=5"
        );
        let mut nowhere = location((0, 0), (0, 0));
        nowhere.file.clear();
        assert!(location_properties(&nowhere, true).is_empty());
    }

    #[test]
    fn a_message_cannot_inject_a_command() {
        let mut out = String::new();
        push_command(
            &mut out,
            "error",
            &[("file", "a,b:c.tf".to_string())],
            "x\n::add-mask::secret",
        );
        assert_eq!(out, "::error file=a%2Cb%3Ac.tf::x%0A::add-mask::secret\n");
        assert_eq!(
            log_line("why\n::stop-commands::x"),
            "why ::stop-commands::x"
        );
    }
}
