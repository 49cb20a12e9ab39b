//! The SARIF 2.1.0 format, shaped for GitHub code scanning.
//!
//! One run with every evaluated rule in `tool.driver.rules` (sorted by id, so `ruleIndex`
//! is stable), one result per finding, and the files that failed to load (errors) and the
//! module calls that were not expanded (warnings) as tool execution notifications. A
//! finding inside a called module has a related location per `module` block on the way to
//! it. URIs are the findings' relative paths, which GitHub resolves against the checkout;
//! columns count Unicode code points, as our positions do.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location as SarifLocation, LogicalLocation,
    MultiformatMessageString, Notification, PhysicalLocation, PropertyBag, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Suppression as SarifSuppression, Tool, ToolComponent,
};
use soc2gate_model::{
    CallSite, Finding, LoadError, Location, Position, Severity, SuppressionKind, UnexpandedModule,
};

use crate::rule_doc::rule_page;
use crate::{Report, RuleView};

/// The schema GitHub's documentation uses; it is the OASIS 2.1.0 schema.
pub(crate) const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of our own fingerprint in `partialFingerprints`; bump the version if the
/// fingerprint's recipe changes, so code scanning does not match old alerts wrongly.
const FINGERPRINT_KEY: &str = "soc2gate/v1";

pub(crate) fn render(report: &Report) -> String {
    let rules = report.rule_views();
    let index: HashMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut hashes = LineHashes::new(report);

    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| result(f, index.get(f.rule_id.as_str()).copied(), &mut hashes))
        .collect();

    let driver = ToolComponent::builder()
        .name("soc2gate")
        .version(report.tool_version)
        .semantic_version(report.tool_version)
        .information_uri(env!("CARGO_PKG_REPOSITORY"))
        .rules(rules.iter().map(descriptor).collect::<Vec<_>>())
        .build();

    let mut invocation = Invocation::builder()
        .execution_successful(report.load_errors.is_empty())
        .build();
    let notifications: Vec<Notification> = report
        .load_errors
        .iter()
        .map(notification)
        .chain(report.unexpanded.iter().map(unexpanded_notification))
        .collect();
    if !notifications.is_empty() {
        invocation.tool_execution_notifications = Some(notifications);
    }

    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .invocations(vec![invocation])
        .column_kind(json!("unicodeCodePoints"))
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build();

    // serde-sarif orders fields alphabetically; put `$schema` and `version` first, as
    // every SARIF example does, so a reader sees what the file is before its runs.
    let mut ordered = serde_json::Map::new();
    if let Ok(Value::Object(mut map)) = serde_json::to_value(&log) {
        for key in ["$schema", "version", "runs"] {
            if let Some(v) = map.remove(key) {
                ordered.insert(key.to_string(), v);
            }
        }
        ordered.extend(map);
    }
    let mut out = serde_json::to_string_pretty(&Value::Object(ordered))
        .unwrap_or_else(|e| json!({ "error": e.to_string() }).to_string());
    out.push('\n');
    out
}

fn descriptor(rule: &RuleView) -> ReportingDescriptor {
    let title = or(rule.title.trim(), rule.id);
    let description = or(rule.description.trim(), title);
    let remediation = or(rule.remediation.trim(), description);
    // The rule's documentation page, as `soc2gate explain` prints it.
    let markdown = match rule.meta {
        Some(meta) => rule_page(meta),
        None if rule.controls.is_empty() => remediation.to_string(),
        None => format!(
            "{remediation}\n\nSOC 2 Trust Services Criteria: {}",
            rule.controls.join(", ")
        ),
    };
    let mut tags = vec!["security".to_string(), "soc2".to_string()];
    tags.extend(rule.controls.iter().cloned());
    let properties = PropertyBag::builder()
        .tags(tags)
        .additional_properties(BTreeMap::from([(
            "security-severity".to_string(),
            json!(rule.severity.security_severity()),
        )]))
        .build();
    ReportingDescriptor::builder()
        .id(rule.id)
        .name(pascal_case(rule.id))
        .short_description(text(title))
        .full_description(text(description))
        .help(
            MultiformatMessageString::builder()
                .text(remediation)
                .markdown(markdown)
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(json!(level(rule.severity).to_string()))
                .build(),
        )
        .properties(properties)
        .build()
}

fn result(finding: &Finding, rule_index: Option<usize>, hashes: &mut LineHashes) -> SarifResult {
    let mut location = location(&finding.location, true);
    if !finding.resource.is_empty() {
        location.logical_locations = Some(vec![LogicalLocation::builder()
            .fully_qualified_name(&finding.resource)
            .kind("resource")
            .build()]);
    }

    let mut fingerprints =
        BTreeMap::from([(FINGERPRINT_KEY.to_string(), finding.fingerprint.clone())]);
    if let Some(hash) = hashes.get(&finding.location.file, finding.location.start.line) {
        fingerprints.insert("primaryLocationLineHash".to_string(), hash);
    }

    let mut bag = BTreeMap::from([
        ("resource".to_string(), json!(finding.resource)),
        ("attribute".to_string(), json!(finding.attribute)),
        ("controls".to_string(), json!(finding.controls)),
        ("severity".to_string(), json!(finding.severity)),
    ]);
    // The other resources merged into this result (their calls are related locations).
    let mut also: Vec<&str> = Vec::new();
    for o in &finding.also {
        if o.resource != finding.resource && !also.contains(&o.resource.as_str()) {
            also.push(&o.resource);
        }
    }
    if !also.is_empty() {
        bag.insert("also".to_string(), json!(also));
    }
    let properties = PropertyBag::builder().additional_properties(bag).build();

    let mut result = SarifResult::builder()
        .rule_id(&finding.rule_id)
        .level(level(finding.severity))
        .message(finding.message.as_str())
        .locations(vec![location])
        .partial_fingerprints(fingerprints)
        .properties(properties)
        .build();
    result.rule_index = rule_index.and_then(|i| i64::try_from(i).ok());
    let related = related_locations(finding);
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    if let Some(s) = &finding.suppression {
        let kind = match s.kind {
            SuppressionKind::InSource => "inSource",
            SuppressionKind::External => "external",
        };
        let mut suppression = SarifSuppression::builder()
            .kind(json!(kind))
            .status(json!("accepted"))
            .build();
        if !s.justification.trim().is_empty() {
            suppression.justification = Some(s.justification.trim().to_string());
        }
        if let Some(expires) = &s.expires {
            suppression.properties = Some(
                PropertyBag::builder()
                    .additional_properties(BTreeMap::from([(
                        "expires".to_string(),
                        json!(expires),
                    )]))
                    .build(),
            );
        }
        result.suppressions = Some(vec![suppression]);
    }
    result
}

/// A related location per `module` block that leads to the finding, every chain's calls
/// in order, each place once; `id`s are unique within the result, as SARIF requires.
fn related_locations(finding: &Finding) -> Vec<SarifLocation> {
    let mut seen: Vec<&CallSite> = Vec::new();
    for call in finding.call_chains().into_iter().flatten() {
        if !seen.contains(&call) {
            seen.push(call);
        }
    }
    seen.into_iter()
        .enumerate()
        .map(|(i, call)| {
            let mut related = location(&call.location, true);
            related.id = i64::try_from(i).ok();
            related.message = Some(format!("via {}", call.address).as_str().into());
            related
        })
        .collect()
}

/// A module call that was not expanded: a warning, since the scan itself is sound but did
/// not see the resources that module creates.
fn unexpanded_notification(u: &UnexpandedModule) -> Notification {
    let mut n = Notification::builder()
        .level(json!("warning"))
        .message(u.message().as_str())
        .locations(vec![location(&u.location, false)])
        .build();
    n.properties = Some(
        PropertyBag::builder()
            .additional_properties(BTreeMap::from([
                ("module".to_string(), json!(u.address)),
                ("source".to_string(), json!(u.source)),
                ("help".to_string(), json!(u.help)),
            ]))
            .build(),
    );
    n
}

fn notification(error: &LoadError) -> Notification {
    let mut n = Notification::builder()
        .level(json!("error"))
        .message(error.message.as_str())
        .locations(vec![location(&error.location, false)])
        .build();
    if let Some(help) = &error.help {
        n.properties = Some(
            PropertyBag::builder()
                .additional_properties(BTreeMap::from([("help".to_string(), json!(help))]))
                .build(),
        );
    }
    n
}

/// A physical location; with `with_end`, the region also has its end.
fn location(loc: &Location, with_end: bool) -> SarifLocation {
    let start = one_based(loc.start);
    let mut region = Region::builder()
        .start_line(to_i64(start.line))
        .start_column(to_i64(start.column))
        .build();
    if with_end {
        // An end before the start (odd input) becomes an empty region at the start.
        let end = one_based(loc.end).max(start);
        region.end_line = Some(to_i64(end.line));
        region.end_column = Some(to_i64(end.column));
    }
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&loc.file)).build())
        .region(region)
        .build();
    SarifLocation::builder().physical_location(physical).build()
}

fn one_based(p: Position) -> Position {
    Position {
        line: p.line.max(1),
        column: p.column.max(1),
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// critical and high fail a check run as errors; medium warns; low is a note.
fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low => ResultLevel::Note,
    }
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn or<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.is_empty() {
        fallback
    } else {
        s
    }
}

/// `aws-s3-versioning` -> `AwsS3Versioning`.
fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A relative path as a URI reference: the path itself when it is made of URI characters
/// (the usual case: the value stays exactly the path), otherwise percent-encoded so that a
/// space, `%`, `#` or `?` in a file name cannot change what the URI means.
fn uri(path: &str) -> String {
    const KEEP: &[u8] = b"-._~/!$&'()*+,;=@";
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || KEEP.contains(&b) {
            out.push(char::from(b));
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

/// GitHub's `primaryLocationLineHash` per file, computed on first use.
struct LineHashes<'r> {
    report: &'r Report<'r>,
    by_file: HashMap<String, Vec<String>>,
}

impl<'r> LineHashes<'r> {
    fn new(report: &'r Report<'r>) -> Self {
        LineHashes {
            report,
            by_file: HashMap::new(),
        }
    }

    /// The hash of a 1-based line, when the file's text is known.
    fn get(&mut self, file: &str, line: usize) -> Option<String> {
        if !self.by_file.contains_key(file) {
            let source = self.report.source(file)?;
            self.by_file
                .insert(file.to_string(), line_hashes(&source.text));
        }
        self.by_file.get(file)?.get(line.checked_sub(1)?).cloned()
    }
}

/// The hash of every line of `text`, computed the way GitHub's code scanning upload
/// computes `primaryLocationLineHash` when a result has none: a rolling hash of the first
/// 100 characters from the start of the line (UTF-16 code units, spaces and tabs skipped,
/// line endings normalized to `\n`, crossing into later lines), as 64-bit hex, then `:`
/// and how often that hash occurred so far in the file. Providing the same value keeps
/// alerts matched across runs, and the upload does not warn about a mismatch.
fn line_hashes(text: &str) -> Vec<String> {
    let mut hasher = RollingHash::new();
    for unit in text.encode_utf16() {
        hasher.push(u64::from(unit));
    }
    hasher.push(RollingHash::EOF);
    hasher.finish()
}

struct RollingHash {
    window: [u64; Self::BLOCK],
    /// The 1-based line that starts at each window position, 0 for none.
    line_at: [usize; Self::BLOCK],
    hash: u64,
    first_mod: u64,
    index: usize,
    line: usize,
    line_start: bool,
    prev_cr: bool,
    seen: HashMap<u64, usize>,
    hashes: Vec<String>,
}

impl RollingHash {
    const BLOCK: usize = 100;
    const MOD: u64 = 37;
    const EOF: u64 = 65535;

    fn new() -> Self {
        RollingHash {
            window: [0; Self::BLOCK],
            line_at: [0; Self::BLOCK],
            hash: 0,
            first_mod: Self::MOD.wrapping_pow(Self::BLOCK as u32),
            index: 0,
            line: 0,
            line_start: true,
            prev_cr: false,
            seen: HashMap::new(),
            hashes: Vec::new(),
        }
    }

    fn push(&mut self, unit: u64) {
        const TAB: u64 = b'\t' as u64;
        const SPACE: u64 = b' ' as u64;
        const LF: u64 = b'\n' as u64;
        const CR: u64 = b'\r' as u64;
        if unit == SPACE || unit == TAB || (self.prev_cr && unit == LF) {
            self.prev_cr = false;
            return;
        }
        // A CR ends a line like LF does; the LF of a CRLF is then skipped above.
        self.prev_cr = unit == CR;
        let unit = if unit == CR { LF } else { unit };
        if self.line_at[self.index] != 0 {
            self.emit();
        }
        if self.line_start {
            self.line_start = false;
            self.line += 1;
            self.line_at[self.index] = self.line;
        }
        if unit == LF {
            self.line_start = true;
        }
        self.update(unit);
    }

    fn update(&mut self, unit: u64) {
        let begin = self.window[self.index];
        self.window[self.index] = unit;
        self.hash = Self::MOD
            .wrapping_mul(self.hash)
            .wrapping_add(unit)
            .wrapping_sub(self.first_mod.wrapping_mul(begin));
        self.index = (self.index + 1) % Self::BLOCK;
    }

    fn emit(&mut self) {
        let count = self.seen.entry(self.hash).or_insert(0);
        *count += 1;
        let line = self.line_at[self.index];
        if self.hashes.len() < line {
            self.hashes.resize(line, String::new());
        }
        self.hashes[line - 1] = format!("{:x}:{count}", self.hash);
        self.line_at[self.index] = 0;
    }

    fn finish(mut self) -> Vec<String> {
        for _ in 0..Self::BLOCK {
            if self.line_at[self.index] != 0 {
                self.emit();
            }
            self.update(0);
        }
        self.hashes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_hashes_match_github_upload() {
        // Values from the test suite of GitHub's upload action.
        assert_eq!(line_hashes(""), ["c129715d7a2bc9a3:1"]);
        assert_eq!(
            line_hashes(" a\nb\n  \t\tc\n d"),
            [
                "271789c17abda88f:1",
                "54703d4cd895b18:1",
                "180aee12dab6264:1",
                "a23a3dc5e078b07b:1"
            ]
        );
        let expected = [
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            "c129715d7a2bc9a3:1",
        ];
        for text in [
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
        ] {
            assert_eq!(line_hashes(text), expected, "{text:?}");
        }
        let repeated = line_hashes(&"Lorem ipsum dolor sit amet.\n".repeat(10));
        assert_eq!(repeated[0], "a7f2ff13bc495cf2:1");
        assert_eq!(repeated[5], "a7f2ff13bc495cf2:6");
        assert_eq!(repeated[6], "a7f2ff1481e87703:1");
        assert_eq!(repeated.len(), 11);
    }

    #[test]
    fn uris_stay_paths_unless_a_character_needs_encoding() {
        assert_eq!(uri("infra/logs/main.tf"), "infra/logs/main.tf");
        assert_eq!(uri(".github/settings.yml"), ".github/settings.yml");
        assert_eq!(uri("my dir/a#b%.tf"), "my%20dir/a%23b%25.tf");
        assert_eq!(uri("é.tf"), "%C3%A9.tf");
        assert_eq!(uri("c:/x.tf"), "c%3A/x.tf");
    }

    #[test]
    fn names_are_pascal_case_ids() {
        assert_eq!(pascal_case("aws-s3-versioning"), "AwsS3Versioning");
        assert_eq!(
            pascal_case("github-branch-protection-reviews"),
            "GithubBranchProtectionReviews"
        );
        assert_eq!(pascal_case("--"), "");
    }
}
