//! The JSON format. Its fields are documented in the crate documentation; the structs
//! below are that contract, so renaming a field here is a breaking change.

use serde::Serialize;
use soc2gate_model::{CallSite, Occurrence, Severity, SuppressionKind, UnexpandedModule};

use crate::{Counts, Report};

#[derive(Serialize)]
struct JsonReport<'a> {
    version: &'a str,
    summary: JsonSummary,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
    modules_not_expanded: Vec<JsonUnexpanded<'a>>,
}

#[derive(Serialize)]
struct JsonSummary {
    findings: usize,
    by_severity: BySeverity,
    suppressed: usize,
    load_errors: usize,
    modules_not_expanded: usize,
    files: usize,
    modules: usize,
    resources: usize,
    rules: usize,
    elapsed_ms: u64,
}

#[derive(Serialize)]
struct BySeverity {
    critical: usize,
    high: usize,
    medium: usize,
    low: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule_id: &'a str,
    severity: Severity,
    controls: &'a [String],
    title: &'a str,
    message: &'a str,
    file: &'a str,
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    resource: &'a str,
    attribute: &'a str,
    fingerprint: &'a str,
    suppression: Option<JsonSuppression<'a>>,
    via: Vec<JsonCall<'a>>,
    also: Vec<JsonOccurrence<'a>>,
}

/// A `module` block on the way to a finding.
#[derive(Serialize)]
struct JsonCall<'a> {
    module: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
}

/// Another way the same finding was reached.
#[derive(Serialize)]
struct JsonOccurrence<'a> {
    resource: &'a str,
    attribute: &'a str,
    via: Vec<JsonCall<'a>>,
}

#[derive(Serialize)]
struct JsonUnexpanded<'a> {
    module: &'a str,
    source: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    reason: &'a str,
    help: &'a str,
}

#[derive(Serialize)]
struct JsonSuppression<'a> {
    kind: SuppressionKind,
    justification: &'a str,
    expires: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonError<'a> {
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

fn calls(via: &[CallSite]) -> Vec<JsonCall<'_>> {
    via.iter()
        .map(|c| JsonCall {
            module: &c.address,
            file: &c.location.file,
            line: c.location.start.line,
            column: c.location.start.column,
        })
        .collect()
}

fn occurrence(o: &Occurrence) -> JsonOccurrence<'_> {
    JsonOccurrence {
        resource: &o.resource,
        attribute: &o.attribute,
        via: calls(&o.via),
    }
}

fn unexpanded(u: &UnexpandedModule) -> JsonUnexpanded<'_> {
    JsonUnexpanded {
        module: &u.address,
        source: &u.source,
        file: &u.location.file,
        line: u.location.start.line,
        column: u.location.start.column,
        reason: &u.reason,
        help: &u.help,
    }
}

pub(crate) fn render(report: &Report) -> String {
    let rules = report.rules_by_id();
    let counts = Counts::of(report.findings);
    let s = &report.summary;
    let doc = JsonReport {
        version: report.tool_version,
        summary: JsonSummary {
            findings: counts.active,
            by_severity: BySeverity {
                critical: counts.severity(Severity::Critical),
                high: counts.severity(Severity::High),
                medium: counts.severity(Severity::Medium),
                low: counts.severity(Severity::Low),
            },
            suppressed: counts.suppressed,
            load_errors: report.load_errors.len(),
            modules_not_expanded: report.unexpanded.len(),
            files: s.files,
            modules: s.modules,
            resources: s.resources,
            rules: s.rules,
            elapsed_ms: u64::try_from(s.elapsed.as_millis()).unwrap_or(u64::MAX),
        },
        findings: report
            .findings
            .iter()
            .map(|f| JsonFinding {
                rule_id: &f.rule_id,
                severity: f.severity,
                controls: &f.controls,
                title: rules
                    .get(f.rule_id.as_str())
                    .map_or("", |r| r.title.as_str()),
                message: &f.message,
                file: &f.location.file,
                start_line: f.location.start.line,
                start_column: f.location.start.column,
                end_line: f.location.end.line,
                end_column: f.location.end.column,
                resource: &f.resource,
                attribute: &f.attribute,
                fingerprint: &f.fingerprint,
                suppression: f.suppression.as_ref().map(|s| JsonSuppression {
                    kind: s.kind,
                    justification: &s.justification,
                    expires: s.expires.as_deref(),
                }),
                via: calls(&f.via),
                also: f.also.iter().map(occurrence).collect(),
            })
            .collect(),
        errors: report
            .load_errors
            .iter()
            .map(|e| JsonError {
                file: &e.location.file,
                line: e.location.start.line,
                column: e.location.start.column,
                message: &e.message,
                help: e.help.as_deref(),
            })
            .collect(),
        modules_not_expanded: report.unexpanded.iter().map(unexpanded).collect(),
    };
    // Plain structs with string keys always serialize; the fallback only avoids a panic path.
    let mut out = serde_json::to_string_pretty(&doc)
        .unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }).to_string());
    out.push('\n');
    out
}
