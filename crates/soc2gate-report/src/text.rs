//! The text format: miette diagnostics (a finding inside a called module followed by the
//! module calls that lead to it), the suppressed findings, the module calls that were not
//! expanded, one summary line.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode, ThemeCharacters,
    ThemeStyles,
};
use soc2gate_model::{
    Finding, LoadError, Location, RuleMeta, Severity, SourceFile, UnexpandedModule,
};

use crate::source::Source;
use crate::{Counts, Report, TextOptions};

const BOLD: &str = "\x1b[1m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

pub(crate) fn render(report: &Report, opts: &TextOptions) -> String {
    // The same glyphs with and without color, so a log file reads like the terminal; the
    // ANSI palette (not RGB) follows the user's terminal colors.
    let theme = if opts.color {
        GraphicalTheme {
            characters: ThemeCharacters::unicode(),
            styles: ThemeStyles::ansi(),
        }
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    // We wrap headers and help ourselves (see `wrap`); miette only indents them.
    let width = Widths::new(opts.width);
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(opts.width)
        .with_wrap_lines(false)
        .with_context_lines(1)
        .with_urls(false);

    let rules = report.rules_by_id();
    let mut out = String::new();
    for finding in report.findings.iter().filter(|f| f.suppression.is_none()) {
        let rule = rules.get(finding.rule_id.as_str()).copied();
        let source = report.source(&finding.location.file);
        let diagnostic = finding_diagnostic(finding, rule, source, width);
        push_diagnostic(&mut out, &handler, &diagnostic, &via_lines(finding));
    }
    for error in report.load_errors {
        let source = report.source(&error.location.file);
        let diagnostic = load_error_diagnostic(error, source, width);
        push_diagnostic(&mut out, &handler, &diagnostic, "");
    }

    let mut any_suppressed = false;
    for finding in report.findings {
        if let Some(line) = suppressed_line(finding) {
            any_suppressed = true;
            out += &line;
            out.push('\n');
        }
    }
    if any_suppressed {
        out.push('\n');
    }
    out += &unexpanded_section(report.unexpanded);

    out += &summary_line(report, opts.color);
    out.push('\n');
    for note in report.notes {
        out += note;
        out.push('\n');
    }
    out += &verdict_line(report, opts.color);
    out.push('\n');
    out
}

/// The gate's verdict, the last line: how many findings are at or above `--fail-on` and
/// fail it, how many are below it and are only shown.
pub(crate) fn verdict_line(report: &Report, color: bool) -> String {
    let s = &report.summary;
    let below = Counts::of(report.findings).active.saturating_sub(s.failing);
    let (word, word_color) = if s.fails {
        ("fails", RED)
    } else {
        ("passes", GREEN)
    };
    let word = if color {
        format!("{BOLD}{word_color}{word}{RESET}")
    } else {
        word.to_string()
    };
    let at_or_above = match s.failing {
        0 => "no finding".to_string(),
        n => plural(n, "finding"),
    };
    let mut line = format!(
        "gate {word}: {at_or_above} at or above {} (--fail-on {})",
        s.fail_on, s.fail_on
    );
    if below > 0 {
        let _ = write!(
            line,
            "; {} below {} {} not fail it",
            plural(below, "finding"),
            s.fail_on,
            if below == 1 { "does" } else { "do" }
        );
    }
    line
}

/// A rendered diagnostic, then `trailer` (lines of its own), then a blank line.
fn push_diagnostic(
    out: &mut String,
    handler: &GraphicalReportHandler,
    diagnostic: &Snippet,
    trailer: &str,
) {
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, diagnostic).is_err() {
        // miette gave up on the snippet; the message alone still says what and where.
        rendered = format!("  × {}\n", diagnostic.header);
    }
    out.push_str(&rendered);
    if !rendered.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(trailer);
    out.push('\n');
}

/// The module calls that lead to a finding, indented like miette's `help:`: the snippet
/// shows the module's file, these lines say which caller (and so which inputs) made it fail.
fn via_lines(finding: &Finding) -> String {
    crate::via_lines(finding)
        .into_iter()
        .map(|l| format!("  {l}\n"))
        .collect()
}

/// What the scan did not check: the `module` blocks whose module was not loaded.
fn unexpanded_section(unexpanded: &[UnexpandedModule]) -> String {
    if unexpanded.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("modules not expanded, the resources they create were not checked:\n");
    for u in unexpanded {
        let source = if u.source.is_empty() {
            String::new()
        } else {
            format!(" ({})", u.source)
        };
        let _ = writeln!(
            out,
            "  {}{source} at {}:{}: {}",
            u.address,
            u.location.file,
            u.location.start.line.max(1),
            u.reason
        );
    }
    out.push('\n');
    out
}

/// `suppressed: <rule> at <file>:<line> (via <calls>) — <justification> (expires <date>)`
/// for a suppressed finding; the calls tell which instance of a module was accepted.
pub(crate) fn suppressed_line(finding: &Finding) -> Option<String> {
    let s = finding.suppression.as_ref()?;
    let mut line = format!(
        "suppressed: {} at {}:{}",
        finding.rule_id, finding.location.file, finding.location.start.line
    );
    let via = crate::via_lines(finding);
    if !via.is_empty() {
        let calls: Vec<&str> = via.iter().map(|l| l.trim()).collect();
        let _ = write!(line, " ({})", calls.join("; "));
    }
    if !s.justification.trim().is_empty() {
        let _ = write!(line, " — {}", s.justification.trim());
    }
    if let Some(expires) = &s.expires {
        let _ = write!(line, " (expires {expires})");
    }
    Some(line)
}

/// `3 findings (1 critical, 2 high) in 12 files, 4 modules, 87 resources · 2 suppressed · ...`
pub(crate) fn summary_line(report: &Report, color: bool) -> String {
    let counts = Counts::of(report.findings);
    let s = &report.summary;
    let (head, head_color) = if counts.active == 0 {
        ("No findings".to_string(), GREEN)
    } else {
        let by_severity: Vec<String> = Severity::ALL
            .iter()
            .filter(|sev| counts.severity(**sev) > 0)
            .map(|sev| format!("{} {sev}", counts.severity(*sev)))
            .collect();
        (
            format!(
                "{} ({})",
                plural(counts.active, "finding"),
                by_severity.join(", ")
            ),
            RED,
        )
    };
    let mut line = if color {
        format!("{BOLD}{head_color}{head}{RESET}")
    } else {
        head
    };
    let _ = write!(
        line,
        " in {}, {}, {}",
        plural(s.files, "file"),
        plural(s.modules, "module"),
        plural(s.resources, "resource")
    );
    if counts.suppressed > 0 {
        let _ = write!(line, " · {} suppressed", counts.suppressed);
    }
    let failed: BTreeSet<&str> = report
        .load_errors
        .iter()
        .map(|e| e.location.file.as_str())
        .collect();
    if !failed.is_empty() {
        let _ = write!(line, " · {} failed to load", plural(failed.len(), "file"));
    }
    if !report.unexpanded.is_empty() {
        let _ = write!(
            line,
            " · {} not expanded",
            plural(report.unexpanded.len(), "module")
        );
    }
    let _ = write!(line, " · {:.2}s", s.elapsed.as_secs_f64());
    line
}

pub(crate) fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn finding_diagnostic<'a>(
    finding: &Finding,
    rule: Option<&RuleMeta>,
    source: Option<&'a SourceFile>,
    width: Widths,
) -> Snippet<'a> {
    let mut tags = finding.severity.to_string();
    if !finding.controls.is_empty() {
        let _ = write!(tags, ", SOC 2 {}", finding.controls.join(", "));
    }
    let head = format!("{}: {}", finding.rule_id, finding.message.trim());
    let one_line = format!("{head}   [{tags}]");
    // When the header does not fit, the brackets get a line of their own rather than
    // being broken in the middle.
    let header = if one_line.chars().count() <= width.header {
        one_line
    } else {
        format!("{}\n[{tags}]", wrap(&head, width.header))
    };
    let help = rule
        .and_then(|r| help_text(&r.remediation, &r.id))
        .map(|help| wrap(&help, width.help));
    Snippet::new(
        header,
        miette_severity(finding.severity),
        help,
        &finding.location,
        rule.map(|r| r.title.clone()),
        source,
    )
}

fn load_error_diagnostic<'a>(
    error: &LoadError,
    source: Option<&'a SourceFile>,
    width: Widths,
) -> Snippet<'a> {
    Snippet::new(
        wrap(error.message.trim(), width.header),
        miette::Severity::Error,
        error.help.as_deref().map(|h| wrap(h.trim(), width.help)),
        &error.location,
        None,
        source,
    )
}

/// The `help:` of a finding: the remediation's first paragraph, pointing at `soc2gate
/// explain` when there is more. A paragraph that introduces what follows (`...like this:`)
/// loses its colon, since the example it announces is not shown here.
fn help_text(remediation: &str, id: &str) -> Option<String> {
    let (text, more) = first_paragraph(remediation);
    if text.is_empty() {
        return None;
    }
    if !more {
        return Some(text);
    }
    Some(match text.strip_suffix(':') {
        Some(intro) => format!("{} (example: `soc2gate explain {id}`)", intro.trim_end()),
        None => format!("{text} (more: `soc2gate explain {id}`)"),
    })
}

/// The icon and color of a finding follow its severity.
fn miette_severity(severity: Severity) -> miette::Severity {
    match severity {
        Severity::Critical | Severity::High => miette::Severity::Error,
        Severity::Medium => miette::Severity::Warning,
        Severity::Low => miette::Severity::Advice,
    }
}

/// One diagnostic: a header, a label on the span, a help line.
#[derive(Debug)]
struct Snippet<'a> {
    header: String,
    severity: miette::Severity,
    help: Option<String>,
    label: Option<LabeledSpan>,
    source: Option<Source<'a>>,
}

impl<'a> Snippet<'a> {
    fn new(
        header: String,
        severity: miette::Severity,
        help: Option<String>,
        location: &Location,
        label: Option<String>,
        source: Option<&'a SourceFile>,
    ) -> Self {
        match source {
            Some(file) => {
                let (start, end) = label_span(file, location);
                Snippet {
                    header,
                    severity,
                    help,
                    label: Some(LabeledSpan::new_primary_with_span(label, start..end)),
                    source: Some(Source(file)),
                }
            }
            // No text to show (the file could not be read): the header says where.
            None => Snippet {
                header: format!(
                    "{header}\nat {}:{}:{}",
                    location.file,
                    location.start.line.max(1),
                    location.start.column.max(1)
                ),
                severity,
                help,
                label: None,
                source: None,
            },
        }
    }
}

/// The byte range to underline: the location's span, cut at the end of its first line (a
/// block spans many lines, and its first line says which block it is), and at least one
/// character wide so that an empty span still shows where it is.
fn label_span(file: &SourceFile, location: &Location) -> (usize, usize) {
    let text = file.text.as_str();
    let mut start = location.span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let line = file.position(start).line;
    let line_end = match (file.line_start(line), file.line_text(line)) {
        (Some(line_start), Some(line_text)) => line_start + line_text.len(),
        _ => text.len(),
    };
    let mut end = location.span.end.clamp(start, line_end.max(start));
    while !text.is_char_boundary(end) {
        end += 1;
    }
    if end > start {
        return (start, end);
    }
    match text[start..].chars().next() {
        Some(c) => (start, start + c.len_utf8()),
        // At the end of the text: point at its last character.
        _ => match text[..start].chars().next_back() {
            Some(c) => (start - c.len_utf8(), start),
            None => (start, start),
        },
    }
}

impl fmt::Display for Snippet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.header)
    }
}

impl std::error::Error for Snippet<'_> {}

impl Diagnostic for Snippet<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.label
            .clone()
            .map(|l| Box::new(std::iter::once(l)) as Box<dyn Iterator<Item = LabeledSpan>>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
}

/// Text widths left once miette has indented a header (`  × `) or a help (`  help: `),
/// keeping the margin of two columns miette keeps.
#[derive(Debug, Clone, Copy)]
struct Widths {
    header: usize,
    help: usize,
}

impl Widths {
    fn new(width: usize) -> Self {
        Widths {
            header: width.saturating_sub(6).max(20),
            help: width.saturating_sub(10).max(20),
        }
    }
}

/// Greedy word wrap at spaces. A word is never split, so rule ids, paths and URLs stay
/// whole (miette's wrapping breaks long words and splits at hyphens, which ids are full
/// of); indented lines (code) stay as they are; a list item's continuation is indented.
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.starts_with(char::is_whitespace) || line.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let hang = if is_list_item(line) { "  " } else { "" };
        let mut column = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let len = word.chars().count();
            if column == 0 {
                // The first word of the line.
            } else if column + 1 + len > width {
                out.push('\n');
                out.push_str(hang);
                column = hang.len();
            } else {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
    }
    out
}

/// The first paragraph of a Markdown text, made readable on a terminal, and whether more
/// followed. Hard-wrapped prose is joined into one line for `wrap` to wrap at the width;
/// lists and code keep their lines.
fn first_paragraph(markdown: &str) -> (String, bool) {
    let mut lines = markdown.lines().skip_while(|l| l.trim().is_empty());
    let mut kept: Vec<&str> = Vec::new();
    let mut in_fence = false;
    let mut structured = false;
    for line in lines.by_ref() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            structured = true;
            continue;
        }
        if trimmed.is_empty() && !in_fence {
            break;
        }
        if in_fence {
            kept.push(line.trim_end());
        } else {
            structured |= is_list_item(trimmed);
            kept.push(trimmed);
        }
    }
    let more = lines.any(|l| !l.trim().is_empty());
    let text = if structured {
        kept.iter()
            .map(|l| inline_markdown(l))
            .collect::<Vec<_>>()
            .join("\n")
    } else {
        inline_markdown(&kept.join(" "))
    };
    (text.trim_end().to_string(), more)
}

fn is_list_item(line: &str) -> bool {
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// `[text](url)` becomes `text (url)` and `**strong**` becomes `strong`; code spans keep
/// their backticks, which read well as they are.
fn inline_markdown(line: &str) -> String {
    let line = line.replace("**", "");
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|close| {
            let url_and_rest = &after[close + 2..];
            url_and_rest.find(')').map(|end| {
                (
                    &after[..close],
                    &url_and_rest[..end],
                    &url_and_rest[end + 1..],
                )
            })
        });
        match link {
            Some((text, url, tail)) if !text.contains('[') => {
                out.push_str(&rest[..open]);
                let _ = write!(out, "{text} ({url})");
                rest = tail;
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::Span;

    #[test]
    fn first_paragraph_joins_prose_and_says_when_there_is_more() {
        let md = "\nAdd an `aws_s3_bucket_versioning` resource that references the bucket,\nwith `status = \"Enabled\"`.\n\nSee [the docs](https://example.com/v).\n";
        assert_eq!(
            first_paragraph(md),
            (
                "Add an `aws_s3_bucket_versioning` resource that references the bucket, with `status = \"Enabled\"`.".to_string(),
                true
            )
        );
        assert_eq!(
            first_paragraph("Read **this** and [that](https://x.y/z)."),
            ("Read this and that (https://x.y/z).".to_string(), false)
        );
    }

    #[test]
    fn help_never_ends_with_the_colon_of_an_example_it_leaves_out() {
        let md =
            "Attach a policy that denies plain HTTP:\n\n```hcl\nresource \"x\" \"y\" {}\n```\n";
        assert_eq!(
            help_text(md, "r").unwrap(),
            "Attach a policy that denies plain HTTP (example: `soc2gate explain r`)"
        );
        assert_eq!(
            help_text("Turn it on.\n\nSee the docs.", "r").unwrap(),
            "Turn it on. (more: `soc2gate explain r`)"
        );
        assert_eq!(help_text("Turn it on.", "r").unwrap(), "Turn it on.");
        assert_eq!(help_text("  \n", "r"), None);
    }

    #[test]
    fn wrap_never_splits_words() {
        assert_eq!(wrap("aaa bbb ccc", 7), "aaa bbb\nccc");
        assert_eq!(wrap("a-very-long-rule-id: x", 5), "a-very-long-rule-id:\nx");
        assert_eq!(wrap("- one two three", 9), "- one two\n  three");
        assert_eq!(wrap("  code stays as it is", 4), "  code stays as it is");
        assert_eq!(wrap("short\n\nlines", 80), "short\n\nlines");
    }

    #[test]
    fn first_paragraph_keeps_lists_and_code_lines() {
        let md = "Either:\n- enable it\n- or drop it\n";
        assert_eq!(first_paragraph(md).0, "Either:\n- enable it\n- or drop it");
        let code = "```hcl\nresource \"x\" \"y\" {\n\n  a = 1\n}\n```\n";
        assert_eq!(
            first_paragraph(code).0,
            "resource \"x\" \"y\" {\n\n  a = 1\n}"
        );
        assert_eq!(first_paragraph("  \n").0, "");
        assert_eq!(inline_markdown("a [b] c [d](e"), "a [b] c [d](e");
    }

    fn location(file: &SourceFile, start: usize, end: usize) -> Location {
        file.locate(Span::new(start, end))
    }

    #[test]
    fn label_spans_stay_on_the_first_line_and_are_never_empty() {
        let f = SourceFile::new("m.tf", "ab\ncé\n");
        // A span over both lines is cut at the end of the first.
        assert_eq!(label_span(&f, &location(&f, 0, 6)), (0, 2));
        // Empty span: one character, a multi-byte one included.
        assert_eq!(label_span(&f, &location(&f, 4, 4)), (4, 6));
        // At the end of a line: the newline itself.
        assert_eq!(label_span(&f, &location(&f, 2, 2)), (2, 3));
        // At the end of the text: its last character.
        assert_eq!(label_span(&f, &location(&f, 7, 7)), (6, 7));
        // Out of range or inside a character: clamped, snapped.
        assert_eq!(label_span(&f, &location(&f, 99, 120)), (6, 7));
        assert_eq!(label_span(&f, &location(&f, 5, 5)), (4, 6));
        let empty = SourceFile::new("e.tf", "");
        assert_eq!(label_span(&empty, &location(&empty, 0, 0)), (0, 0));
    }
}
