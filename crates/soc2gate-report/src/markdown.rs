//! The Markdown format, for `$GITHUB_STEP_SUMMARY` and pull request comments: a heading
//! with the verdict, the findings per SOC 2 criterion, the findings (with the `module`
//! blocks that lead to those inside called modules), the suppressed ones in a collapsed
//! section with their justification, the files that failed to load, and the module calls
//! that were not expanded.
//!
//! Locations link to the file and line by their path relative to the working directory.
//! Text from policies and exceptions keeps its code spans; outside them HTML is escaped,
//! and pipes everywhere, so no message can break a table or the page.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use soc2gate_model::{Finding, Location, Severity, SuppressionKind, CRITERIA};

use crate::text::plural;
use crate::{Counts, Report};

/// Rows per table. A job summary holds at most 1 MiB and a comment 65,536 characters;
/// beyond this the SARIF and JSON reports have the complete list.
const MAX_ROWS: usize = 200;

pub(crate) fn render(report: &Report) -> String {
    let counts = Counts::of(report.findings);
    let mut out = String::new();
    heading(&mut out, report, counts);
    criteria_table(&mut out, report);
    findings_table(&mut out, report, counts);
    suppressed_section(&mut out, report, counts);
    load_errors(&mut out, report);
    unexpanded(&mut out, report);
    out
}

fn failed_files(report: &Report) -> usize {
    report
        .load_errors
        .iter()
        .map(|e| e.location.file.as_str())
        .collect::<BTreeSet<_>>()
        .len()
}

fn heading(out: &mut String, report: &Report, counts: Counts) {
    let failed = failed_files(report);
    let (icon, mut verdict) = if counts.active > 0 {
        let by_severity: Vec<String> = Severity::ALL
            .iter()
            .filter(|s| counts.severity(**s) > 0)
            .map(|s| format!("{} {s}", counts.severity(*s)))
            .collect();
        let found = format!(
            "{} ({})",
            plural(counts.active, "finding"),
            by_severity.join(", ")
        );
        if report.summary.fails {
            ("❌", found)
        } else {
            // Shown, but below `--fail-on` (or warnings that never fail): the gate passes.
            (
                "⚠️",
                format!(
                    "{found}, none failing the gate (it fails on {} and above)",
                    report.summary.fail_on
                ),
            )
        }
    } else if failed > 0 {
        ("⚠️", "no findings in the files that loaded".to_string())
    } else {
        ("✅", "no findings".to_string())
    };
    if failed > 0 {
        let _ = write!(verdict, ", {} failed to load", plural(failed, "file"));
    }
    let _ = writeln!(out, "## {icon} soc2gate: {verdict}\n");

    let s = &report.summary;
    let _ = write!(
        out,
        "Scanned {}, {}, {} with {} in {:.2}s",
        plural(s.files, "file"),
        plural(s.modules, "module"),
        plural(s.resources, "resource"),
        plural(s.rules, "rule"),
        s.elapsed.as_secs_f64()
    );
    if counts.suppressed > 0 {
        let _ = write!(out, " · {} suppressed", counts.suppressed);
    }
    if !report.unexpanded.is_empty() {
        let _ = write!(
            out,
            " · {} not expanded",
            plural(report.unexpanded.len(), "module")
        );
    }
    out.push_str(".\n\n");
}

/// One row per criterion that an evaluated rule names, in the order of the Trust
/// Services Criteria; a finding counts under every criterion of its rule.
fn criteria_table(out: &mut String, report: &Report) {
    #[derive(Default)]
    struct Row {
        rules: usize,
        by_severity: [usize; 4],
    }
    let mut rows: BTreeMap<(usize, &str), Row> = BTreeMap::new();
    let key = |control: &str| {
        CRITERIA
            .iter()
            .position(|(c, _)| *c == control)
            .unwrap_or(CRITERIA.len())
    };
    for rule in report.rule_views() {
        for control in rule.controls {
            rows.entry((key(control), control)).or_default().rules += 1;
        }
    }
    let mut uncategorized = [0; 4];
    for f in report.findings.iter().filter(|f| f.suppression.is_none()) {
        let i = crate::severity_index(f.severity);
        if f.controls.is_empty() {
            uncategorized[i] += 1;
        }
        for control in &f.controls {
            rows.entry((key(control), control)).or_default().by_severity[i] += 1;
        }
    }
    if rows.is_empty() && uncategorized == [0; 4] {
        return;
    }
    out.push_str("### By SOC 2 criterion\n\n");
    out.push_str("| Criterion | Rules | Critical | High | Medium | Low |\n");
    out.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    let cells = |counts: &[usize; 4]| {
        counts
            .iter()
            .map(|n| {
                if *n == 0 {
                    "0".to_string()
                } else {
                    format!("**{n}**")
                }
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    for ((_, control), row) in &rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(control),
            row.rules,
            cells(&row.by_severity)
        );
    }
    if uncategorized != [0; 4] {
        let _ = writeln!(out, "| (no criterion) | | {} |", cells(&uncategorized));
    }
    out.push('\n');
}

fn findings_table(out: &mut String, report: &Report, counts: Counts) {
    if counts.active == 0 {
        return;
    }
    out.push_str("### Findings\n\n");
    out.push_str("| Severity | Rule | Location | Resource | Message |\n");
    out.push_str("| --- | --- | --- | --- | --- |\n");
    let active = report.findings.iter().filter(|f| f.suppression.is_none());
    for f in active.take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            f.severity,
            code(&f.rule_id),
            place(f),
            resource(f),
            cell(&f.message)
        );
    }
    more(out, counts.active);
    out.push('\n');
}

fn suppressed_section(out: &mut String, report: &Report, counts: Counts) {
    if counts.suppressed == 0 {
        return;
    }
    let _ = writeln!(
        out,
        "<details>\n<summary>{}</summary>\n",
        plural(counts.suppressed, "suppressed finding")
    );
    out.push_str("| Rule | Location | Resource | Exception | Justification | Expires |\n");
    out.push_str("| --- | --- | --- | --- | --- | --- |\n");
    let suppressed = report
        .findings
        .iter()
        .filter_map(|f| f.suppression.as_ref().map(|s| (f, s)));
    for (f, s) in suppressed.take(MAX_ROWS) {
        let kind = match s.kind {
            SuppressionKind::InSource => "inline comment",
            SuppressionKind::External => "config or baseline",
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {kind} | {} | {} |",
            code(&f.rule_id),
            place(f),
            resource(f),
            cell(s.justification.trim()),
            s.expires.as_deref().map_or("never".to_string(), cell)
        );
    }
    more(out, counts.suppressed);
    out.push_str("\n</details>\n\n");
}

fn load_errors(out: &mut String, report: &Report) {
    if report.load_errors.is_empty() {
        return;
    }
    out.push_str("### Files that failed to load\n\n");
    for e in report.load_errors {
        let _ = write!(out, "- {}: {}", link(&e.location), cell(&e.message));
        if let Some(help) = &e.help {
            let _ = write!(out, " ({})", cell(help));
        }
        out.push('\n');
    }
    out.push('\n');
}

/// What the scan did not check: the `module` blocks whose module was not loaded.
fn unexpanded(out: &mut String, report: &Report) {
    if report.unexpanded.is_empty() {
        return;
    }
    out.push_str(
        "### Modules not expanded\n\nThe resources these modules create were not checked.\n\n",
    );
    for u in report.unexpanded {
        let _ = write!(out, "- {}", code(&u.address));
        if !u.source.is_empty() {
            let _ = write!(out, " ({})", code(&u.source));
        }
        let _ = writeln!(
            out,
            " at {}: {} ({})",
            link(&u.location),
            cell(&u.reason),
            cell(&u.help)
        );
    }
    out.push('\n');
}

/// A finding's location, then the `module` blocks that lead to it.
fn place(f: &Finding) -> String {
    let mut out = link(&f.location);
    for (i, chain) in f.call_chains().into_iter().enumerate() {
        for (j, call) in chain.iter().enumerate() {
            let lead = if i > 0 && j == 0 { "also via" } else { "via" };
            let _ = write!(
                out,
                "<br>{lead} {} at {}",
                code(&call.address),
                link(&call.location)
            );
        }
    }
    out
}

fn more(out: &mut String, total: usize) {
    if total > MAX_ROWS {
        let _ = writeln!(
            out,
            "\n… and {} more: see the SARIF or JSON report.",
            total - MAX_ROWS
        );
    }
}

fn resource(f: &Finding) -> String {
    match (f.resource.is_empty(), f.attribute.is_empty()) {
        (true, _) => String::new(),
        (false, true) => code(&f.resource),
        (false, false) => format!("{} ({})", code(&f.resource), code(&f.attribute)),
    }
}

/// `[path:line](path#Lline)`: relative to the working directory, as the findings' paths
/// are, so it resolves in the repository's file view.
fn link(loc: &Location) -> String {
    let line = loc.start.line.max(1);
    let mut label = String::new();
    for c in format!("{}:{line}", loc.file).chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '|') {
            label.push('\\');
        }
        label.push(c);
    }
    format!("[{label}]({}#L{line})", url_path(&loc.file))
}

/// A path as a URL path: unreserved characters and `/` stay, the rest is percent-encoded
/// (a space or a parenthesis would end the link).
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A code span around any text: the fence is one backtick longer than the longest run
/// inside, and pipes are escaped (GitHub splits table cells before it reads code spans).
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    let body = s.replace(['\r', '\n'], " ").replace('|', "\\|");
    format!("{fence}{pad}{body}{pad}{fence}")
}

/// Text for a table cell or list item: code spans kept as they are, HTML escaped outside
/// them, pipes escaped everywhere, line breaks as `<br>`.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let Some(open) = rest.find('`') else {
            out += &prose(rest);
            break;
        };
        out += &prose(&rest[..open]);
        let run = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let after = &rest[open + run..];
        match closing_run(after, run) {
            Some(close) => {
                out += &rest[open..open + run];
                out += &after[..close]
                    .replace(['\r', '\n'], " ")
                    .replace('|', "\\|");
                out += &rest[open..open + run];
                rest = &after[close + run..];
            }
            None => {
                // No closing run: the backticks are literal text.
                for _ in 0..run {
                    out.push_str("\\`");
                }
                rest = after;
            }
        }
    }
    out
}

/// Where a run of exactly `run` backticks starts in `s`, closing a code span.
fn closing_run(s: &str, run: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(found) = s[i..].find('`') {
        let start = i + found;
        let len = s[start..].len() - s[start..].trim_start_matches('`').len();
        if len == run {
            return Some(start);
        }
        i = start + len;
    }
    None
}

fn prose(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\r', '\n'], "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use soc2gate_model::{Position, Span};

    #[test]
    fn cells_keep_code_spans_and_escape_the_rest() {
        assert_eq!(
            cell("bucket `a|b` has <b>x</b> | y"),
            "bucket `a\\|b` has &lt;b&gt;x&lt;/b&gt; \\| y"
        );
        assert_eq!(cell("`<not html>` & <br>"), "`<not html>` &amp; &lt;br&gt;");
        assert_eq!(cell("two\nlines"), "two<br>lines");
        // Unbalanced backticks are literal, and what follows is still escaped.
        assert_eq!(cell("a ` b <i>"), "a \\` b &lt;i&gt;");
        assert_eq!(cell("``a ` b`` c"), "``a ` b`` c");
    }

    #[test]
    fn code_spans_fit_any_text() {
        assert_eq!(code("aws_s3_bucket.a"), "`aws_s3_bucket.a`");
        assert_eq!(code("a[\"x|y\"]"), "`a[\"x\\|y\"]`");
        assert_eq!(code("odd`name"), "`` odd`name ``");
    }

    #[test]
    fn links_point_at_the_line_and_survive_odd_paths() {
        let loc = |file: &str| Location {
            file: file.to_string(),
            start: Position { line: 7, column: 3 },
            end: Position { line: 7, column: 9 },
            span: Span::default(),
        };
        assert_eq!(
            link(&loc("infra/main.tf")),
            "[infra/main.tf:7](infra/main.tf#L7)"
        );
        assert_eq!(
            link(&loc("my dir/a_(b)].tf")),
            "[my dir/a\\_(b)\\].tf:7](my%20dir/a_%28b%29%5D.tf#L7)"
        );
    }
}
