//! Renders soc2gate findings as text diagnostics, JSON, SARIF 2.1.0, JUnit XML, GitHub
//! workflow commands and Markdown.
//!
//! Every report is built from one [`Report`]: the findings (already sorted by the caller),
//! the files that failed to load, the module calls that were not expanded, the rules that
//! were evaluated and the source files.
//! [`render`] turns it into one of the [`Format`]s; the output is deterministic except
//! for the elapsed time.
//!
//! # JSON output
//!
//! `--format json` prints one object. Field names are stable snake_case; new fields may be
//! added, existing ones keep their name and meaning.
//!
//! | field | type | meaning |
//! | --- | --- | --- |
//! | `version` | string | soc2gate's version |
//! | `summary.findings` | number | findings that are not suppressed |
//! | `summary.by_severity` | object | `critical`, `high`, `medium`, `low`: unsuppressed findings per severity |
//! | `summary.suppressed` | number | findings covered by an exception or the baseline |
//! | `summary.load_errors` | number | entries in `errors` |
//! | `summary.modules_not_expanded` | number | entries in `modules_not_expanded` |
//! | `summary.files` | number | files read |
//! | `summary.modules` | number | units evaluated (Terraform modules, settings files) |
//! | `summary.resources` | number | resources in the graph |
//! | `summary.rules` | number | rules evaluated |
//! | `summary.elapsed_ms` | number | wall time of the scan in milliseconds; the only field that varies between identical runs |
//! | `findings[]` | array | every finding, suppressed ones included, by file, line, column, rule |
//! | `findings[].rule_id` | string | kebab-case rule id, e.g. `aws-s3-versioning` |
//! | `findings[].severity` | string | `critical`, `high`, `medium` or `low` |
//! | `findings[].controls` | array of strings | SOC 2 Trust Services Criteria, e.g. `["CC6.1", "C1.1"]` |
//! | `findings[].title` | string | the rule's title |
//! | `findings[].message` | string | what is wrong with this resource |
//! | `findings[].file` | string | path relative to the working directory, forward slashes |
//! | `findings[].start_line`, `start_column` | number | 1-based; columns count characters |
//! | `findings[].end_line`, `end_column` | number | 1-based, one past the last character |
//! | `findings[].resource` | string | resource address, e.g. `module.logs.aws_s3_bucket.this[0]` |
//! | `findings[].attribute` | string | attribute path the rule blamed, `""` for the resource itself |
//! | `findings[].fingerprint` | string | stable across unrelated edits (rule, file, resource, attribute) |
//! | `findings[].via` | array | for a resource inside a called module, the `module` blocks from the root module down to it, outermost first; `[]` in a root module |
//! | `findings[].via[].module` | string | the call's address, e.g. `module.logs`, nested `module.logs.module.bucket` |
//! | `findings[].via[].file`, `line`, `column` | string, number, number | where the `module` block starts, 1-based |
//! | `findings[].also` | array | the same finding (rule, place, message) reached another way, reported once: `{resource, attribute, via}` per other module instance or resource instance; usually `[]` |
//! | `findings[].suppression` | object or null | `null`, or `{kind, justification, expires}`: `kind` is `inSource` (a comment) or `external` (config or baseline), `expires` is `YYYY-MM-DD` or null |
//! | `errors[]` | array | files that failed to load (or loaded only in part) |
//! | `errors[].file`, `line`, `column` | string, number, number | where loading went wrong, 1-based |
//! | `errors[].message` | string | what went wrong |
//! | `errors[].help` | string or null | what to do about it |
//! | `modules_not_expanded[]` | array | `module` blocks whose module was not loaded, so the resources it creates were not checked: remote sources (registry, git), local directories outside the scan |
//! | `modules_not_expanded[].module` | string | the call's address, e.g. `module.vpc` |
//! | `modules_not_expanded[].source` | string | its `source` as written, `""` when not a literal string |
//! | `modules_not_expanded[].file`, `line`, `column` | string, number, number | where the `module` block starts, 1-based |
//! | `modules_not_expanded[].reason` | string | why it was not expanded |
//! | `modules_not_expanded[].help` | string | what to do about it |

mod compact;
mod github;
mod json;
mod junit;
mod markdown;
mod rule_doc;
mod sarif;
pub mod schema;
mod source;
mod text;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use soc2gate_model::{Finding, LoadError, RuleMeta, Severity, SourceFile, UnexpandedModule};

pub use rule_doc::{catalogue, rule_page};
pub use schema::validate_sarif;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Human diagnostics with source snippets.
    Text,
    /// One JSON object; see the crate documentation for its fields.
    Json,
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    Sarif,
    /// JUnit XML: a test suite per rule, a failing test case per finding.
    Junit,
    /// GitHub Actions workflow commands, which annotate the findings' lines.
    Github,
    /// Markdown for `$GITHUB_STEP_SUMMARY` and pull request comments.
    Markdown,
    /// One line per finding, `file:line:col: severity rule-id message`, for terminals,
    /// editors and grep.
    Compact,
}

impl Format {
    /// Every format, in the order the command line lists them.
    pub const ALL: [Format; 7] = [
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Junit,
        Format::Github,
        Format::Markdown,
        Format::Compact,
    ];

    /// Every format's name, for error messages: `text, json, ... or compact`.
    pub fn names() -> String {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.as_str()).collect();
        match names.split_last() {
            Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
            None => String::new(),
        }
    }

    /// The name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Markdown => "markdown",
            Format::Compact => "compact",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown format `{s}`: expected {}", Format::names()))
    }
}

/// What the scan covered, for the summary line and the JSON summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Units evaluated: Terraform modules and settings files.
    pub modules: usize,
    /// Resources in the graph.
    pub resources: usize,
    /// Rules evaluated.
    pub rules: usize,
    /// Wall time of the scan; the only thing that varies between identical runs.
    pub elapsed: Duration,
    /// The gate's threshold (`--fail-on`): findings below it are shown but pass.
    pub fail_on: Severity,
    /// Whether the findings fail the gate (exit code 1).
    pub fails: bool,
    /// How many findings fail the gate: unsuppressed, at or above `fail_on`.
    pub failing: usize,
}

/// Everything a report shows.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Already sorted by the caller (`Finding::sort_key`).
    pub findings: &'a [Finding],
    /// Files that failed to load, or loaded only in part.
    pub load_errors: &'a [LoadError],
    /// `module` blocks whose module was not loaded: what the scan did not check.
    pub unexpanded: &'a [UnexpandedModule],
    /// Every rule that was evaluated, with or without findings.
    pub rules: &'a [RuleMeta],
    /// Source files by path, for snippets and line hashes.
    pub sources: &'a BTreeMap<String, Arc<SourceFile>>,
    /// What the scan covered.
    pub summary: Summary,
    /// soc2gate's version, for JSON and the SARIF driver.
    pub tool_version: &'a str,
    /// Ids of evaluated rules that had nothing to evaluate: no resource of their types in
    /// the scan. JUnit reports them as skipped rather than passing.
    pub idle_rules: &'a [String],
    /// Lines the text format prints after its summary line and before the gate's verdict
    /// (what the caller's gate adds: excluded files, the baseline, diff mode).
    pub notes: &'a [String],
}

/// Options of the text format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colors; the caller decides from the terminal and `NO_COLOR`.
    pub color: bool,
    /// Width to wrap messages at.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> Self {
        TextOptions {
            color: false,
            width: 100,
        }
    }
}

/// Renders a report; text options matter only for [`Format::Text`].
pub fn render(format: Format, report: &Report, text: &TextOptions) -> String {
    match format {
        Format::Text => text::render(report, text),
        Format::Json => json::render(report),
        Format::Sarif => sarif::render(report),
        Format::Junit => junit::render(report),
        Format::Github => github::render(report),
        Format::Markdown => markdown::render(report),
        Format::Compact => compact::render(report),
    }
}

impl<'a> Report<'a> {
    /// The evaluated rules by id (the first wins if an id repeats).
    fn rules_by_id(&self) -> HashMap<&str, &RuleMeta> {
        let mut map = HashMap::with_capacity(self.rules.len());
        for rule in self.rules {
            map.entry(rule.id.as_str()).or_insert(rule);
        }
        map
    }

    /// Every rule, sorted by id: the evaluated ones, then any that only a finding names (a
    /// report then still lists every rule its findings point to).
    fn rule_views(&self) -> Vec<RuleView<'a>> {
        let mut views: BTreeMap<&str, RuleView> = BTreeMap::new();
        for r in self.rules {
            views.entry(&r.id).or_insert(RuleView {
                id: &r.id,
                title: &r.title,
                description: &r.description,
                remediation: &r.remediation,
                severity: r.severity,
                controls: &r.controls,
                meta: Some(r),
            });
        }
        for f in self.findings {
            views.entry(&f.rule_id).or_insert(RuleView {
                id: &f.rule_id,
                title: "",
                description: "",
                remediation: "",
                severity: f.severity,
                controls: &f.controls,
                meta: None,
            });
        }
        views.into_values().collect()
    }

    /// The source of a path, when it was read.
    fn source(&self, path: &str) -> Option<&SourceFile> {
        self.sources.get(path).map(|s| &**s)
    }
}

/// What formats need of a rule, from its metadata or, for a rule the report was not told
/// about, from its first finding.
struct RuleView<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    remediation: &'a str,
    severity: Severity,
    controls: &'a [String],
    /// The whole metadata, when the report was told about the rule.
    meta: Option<&'a RuleMeta>,
}

/// Finding counts: what fails the gate and what an exception covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Counts {
    /// Unsuppressed findings.
    active: usize,
    /// Unsuppressed findings per severity, indexed like [`Severity::ALL`].
    by_severity: [usize; 4],
    suppressed: usize,
}

impl Counts {
    fn of(findings: &[Finding]) -> Self {
        let mut counts = Counts::default();
        for f in findings {
            if f.suppression.is_some() {
                counts.suppressed += 1;
            } else {
                counts.active += 1;
                counts.by_severity[severity_index(f.severity)] += 1;
            }
        }
        counts
    }

    fn severity(&self, severity: Severity) -> usize {
        self.by_severity[severity_index(severity)]
    }
}

/// The module calls that lead to a finding, a line each: `via module.x at main.tf:12` from
/// the root module down. Each further chain that led to the same finding follows, its first
/// line starting with `also via` and the rest aligned under it.
fn via_lines(finding: &Finding) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, chain) in finding.call_chains().into_iter().enumerate() {
        for (j, call) in chain.iter().enumerate() {
            let lead = match (i, j) {
                (0, _) => "via",
                (_, 0) => "also via",
                _ => "     via",
            };
            lines.push(format!(
                "{lead} {} at {}:{}",
                call.address,
                call.location.file,
                call.location.start.line.max(1)
            ));
        }
    }
    lines
}

fn severity_index(severity: Severity) -> usize {
    Severity::ALL
        .iter()
        .position(|s| *s == severity)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_round_trip_through_their_names() {
        for f in Format::ALL {
            assert_eq!(f.to_string().parse::<Format>(), Ok(f));
        }
        assert!("xml"
            .parse::<Format>()
            .unwrap_err()
            .contains("text, json, sarif, junit, github, markdown or compact"));
    }
}
