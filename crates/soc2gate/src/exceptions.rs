//! Inline exceptions: `soc2gate:ignore` comments in Terraform and YAML files, the findings
//! they cover, and the two rules soc2gate reports about exceptions themselves.
//!
//! ```text
//! # soc2gate:ignore <rule-id>[,<rule-id>...] -- <reason> (expires YYYY-MM-DD)
//! ```
//!
//! `#` starts the comment in Terraform and YAML, `//` in Terraform too. A comment alone on
//! its line applies to the next line that is not a comment; a comment at the end of a line
//! applies to that line. It covers the findings of the resource, nested block or attribute
//! that starts on that line, or, on a `module` block, every finding reached through that
//! block. The reason is mandatory, the expiry optional; the exception still applies on
//! its expiry date and stops the day after.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;
use soc2gate_model::{
    AttrPath, Finding, Location, RuleMeta, Severity, SourceFile, Span, Suppression, SuppressionKind,
};

use crate::date::Date;
use crate::scan::UnitMap;

/// Rule id of a malformed exception (no reason, no rule id, a bad expiry).
pub const INVALID_EXCEPTION: &str = "invalid-exception";
/// Rule id of an exception that matches no finding: a warning that never fails the gate.
pub const UNUSED_EXCEPTION: &str = "unused-exception";

/// What starts an exception comment.
pub const MARKER: &str = "soc2gate:ignore";

/// Metadata of the rules that soc2gate itself reports about exceptions, for `explain`,
/// `rules` and the SARIF rule descriptors. They have no policy and are always evaluated
/// unless `disable`d in soc2gate.toml.
pub fn rules() -> Vec<RuleMeta> {
    let rule = |id: &str, title: &str, severity, description: &str, remediation: &str| RuleMeta {
        id: id.into(),
        title: title.into(),
        description: description.into(),
        severity,
        controls: Vec::new(),
        remediation: remediation.into(),
        resource_types: Vec::new(),
        scan_resource_types: Vec::new(),
        params: Value::Object(Default::default()),
        package: String::new(),
        source: "built in".into(),
        examples: Default::default(),
    };
    vec![
        rule(
            INVALID_EXCEPTION,
            "Exceptions name their rules and give a reason",
            Severity::High,
            "An exception is the evidence an auditor reads that a finding was accepted on \
             purpose, so a `soc2gate:ignore` comment must name the rules it covers and say why. \
             A comment without a reason, without a rule id, or with an expiry that is not a \
             date suppresses nothing and is reported as a finding of this rule. Its severity \
             is high so that the gate fails until the exception is written properly (change it \
             with `[rules.invalid-exception] severity` in soc2gate.toml).",
            "Write `soc2gate:ignore <rule-id>[,<rule-id>...] -- <reason> (expires YYYY-MM-DD)` \
             in a comment on the line above the resource, nested block, attribute or `module` \
             block it is for, or at the end of that line; the expiry is optional.\n\n\
             ```hcl\n\
             # soc2gate:ignore aws-s3-versioning -- static site assets, no customer data (expires 2027-06-30)\n\
             resource \"aws_s3_bucket\" \"site\" {\n\
             ```",
        ),
        rule(
            UNUSED_EXCEPTION,
            "Every exception still covers a finding",
            Severity::Low,
            "An exception (a `soc2gate:ignore` comment or an `[[exceptions]]` entry of \
             soc2gate.toml) that matches no finding is reported as a warning: severity low, \
             shown in every report (a note in SARIF), and never failing the gate whatever \
             `--fail-on` says. A stale exception would otherwise silently hide the next \
             finding on the same resource.",
            "Remove the exception if the finding is gone. Otherwise check the rule id with \
             `soc2gate rules`, and where the exception stands: a comment belongs on the line \
             above the resource, nested block, attribute or `module` block it is meant for (or \
             at the end of that line); an `[[exceptions]]` entry must match the finding's \
             `resource` address and `path`.",
        ),
    ]
}

/// True for findings that may fail the gate: everything but warnings about unused
/// exceptions.
pub fn can_fail(finding: &Finding) -> bool {
    finding.rule_id != UNUSED_EXCEPTION
}

/// What an exception comment says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub rules: Vec<String>,
    pub reason: String,
    pub expires: Option<Date>,
}

/// One `soc2gate:ignore` comment of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub file: String,
    /// 1-based line of the comment.
    pub line: usize,
    /// The line it applies to: its own line for a trailing comment, else the next line that
    /// is not a comment. `None` when no such line exists.
    pub target: Option<usize>,
    /// From the comment sign to the end of the line.
    pub span: Span,
    /// The directive, or what is wrong with it.
    pub directive: Result<Directive, String>,
}

/// Parses what follows `soc2gate:ignore`: `<id>[,<id>...] -- <reason> (expires YYYY-MM-DD)`.
pub fn parse_directive(text: &str) -> Result<Directive, String> {
    const HOW: &str = "write `soc2gate:ignore <rule-id> -- <why this is acceptable>`";
    let text = text.trim();
    let (ids, reason) = match text.find("--") {
        Some(i) => (&text[..i], Some(&text[i + 2..])),
        None => (text, None),
    };
    let mut rules = Vec::new();
    for id in ids.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if id.contains(char::is_whitespace) {
            return Err(format!(
                "`{id}` is not one rule id: separate rule ids with commas, then ` -- <reason>`"
            ));
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!(
                "`{id}` is not a rule id (ids are kebab case, e.g. aws-s3-versioning)"
            ));
        }
        rules.push(id.to_string());
    }
    if rules.is_empty() {
        return Err(format!("it names no rule: {HOW}"));
    }
    let Some(reason) = reason else {
        return Err(format!(
            "it gives no reason: add ` -- <why this is acceptable>` after `{}`; an auditor reads the reason as the evidence",
            rules.join(",")
        ));
    };
    let mut reason = reason.trim();
    let mut expires = None;
    if let Some(at) = reason.rfind("(expires") {
        let tail = reason[at + "(expires".len()..].trim();
        let date = tail
            .strip_suffix(')')
            .map(str::trim)
            .ok_or_else(|| "write the expiry last, as `(expires YYYY-MM-DD)`".to_string())?;
        expires = Some(Date::parse(date).ok_or_else(|| {
            format!("its expiry `{date}` is not a date: write `(expires YYYY-MM-DD)`, e.g. (expires 2027-06-30)")
        })?);
        reason = reason[..at].trim();
    }
    if reason.is_empty() {
        return Err(format!("its reason is empty: {HOW}"));
    }
    Ok(Directive {
        rules,
        reason: reason.to_string(),
        expires,
    })
}

/// Comment syntax of a file, by name; `None` for files without comments (JSON).
pub(crate) fn syntax(path: &str) -> Option<Syntax> {
    if path.ends_with(".yml") || path.ends_with(".yaml") {
        Some(Syntax::Yaml)
    } else if path.ends_with(".json") {
        None
    } else {
        Some(Syntax::Hcl)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    Hcl,
    Yaml,
}

/// Where the comment holding the marker at byte `at` of `line` starts, if the marker is in
/// a comment: the comment sign must come right before it (spaces allowed), outside a string.
pub(crate) fn comment_start(line: &str, at: usize, syntax: Syntax) -> Option<usize> {
    let before = line[..at].trim_end();
    let start = if before.ends_with('#') {
        before.len() - 1
    } else if syntax == Syntax::Hcl && before.ends_with("//") {
        before.len() - 2
    } else {
        return None;
    };
    let code = &line[..start];
    if code.matches('"').count() % 2 == 1 {
        return None;
    }
    if syntax == Syntax::Yaml {
        if code.matches('\'').count() % 2 == 1 {
            return None;
        }
        // YAML starts a comment only at a line start or after white space.
        if !code.is_empty() && !code.ends_with([' ', '\t']) {
            return None;
        }
    }
    Some(start)
}

pub(crate) fn is_comment_line(line: &str, syntax: Syntax) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || (syntax == Syntax::Hcl && (t.starts_with("//") || t.starts_with("/*")))
}

/// The exception comments of a file.
pub fn comments(src: &SourceFile) -> Vec<Comment> {
    let Some(syntax) = syntax(&src.path) else {
        return Vec::new();
    };
    if !src.text.contains(MARKER) {
        return Vec::new();
    }
    let lines: Vec<&str> = src.text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(at) = line.find(MARKER) else {
            continue;
        };
        let rest = &line[at + MARKER.len()..];
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let Some(start) = comment_start(line, at, syntax) else {
            continue;
        };
        let n = i + 1;
        let trailing = !line[..start].trim().is_empty();
        let target = if trailing {
            Some(n)
        } else {
            lines[i + 1..]
                .iter()
                .position(|l| !is_comment_line(l, syntax))
                .map(|k| n + 1 + k)
                .filter(|&t| !lines[t - 1].trim().is_empty())
        };
        let line_start = src.line_start(n).unwrap_or(0);
        out.push(Comment {
            file: src.path.clone(),
            line: n,
            target,
            span: Span::new(line_start + start, line_start + line.trim_end().len()),
            directive: parse_directive(rest),
        });
    }
    out
}

/// Something an exception can be written above: a resource (its header line), a nested
/// block or attribute (its first line).
#[derive(Debug)]
enum Element<'a> {
    Resource(&'a str),
    Attribute {
        address: &'a str,
        path: AttrPath,
        span: Span,
    },
}

/// Which resources, blocks, attributes and module calls start on each line of each file.
pub struct Targets<'a> {
    elements: HashMap<(&'a str, usize), Vec<Element<'a>>>,
    /// Lines where a `module` block starts.
    calls: HashSet<(&'a str, usize)>,
}

impl<'a> Targets<'a> {
    pub fn new(maps: &'a [UnitMap], sources: &'a BTreeMap<String, Arc<SourceFile>>) -> Self {
        let line = |file: &str, span: Span| sources.get(file).map(|s| s.position(span.start).line);
        let mut elements: HashMap<(&str, usize), Vec<Element>> = HashMap::new();
        let mut calls: HashSet<(&str, usize)> = HashSet::new();
        for unit in maps {
            for (address, spans) in &unit.source_map.resources {
                let file = spans.file.as_str();
                if let Some(l) = line(file, spans.header) {
                    elements
                        .entry((file, l))
                        .or_default()
                        .push(Element::Resource(address));
                }
                for (path, span) in &spans.attributes {
                    if let Some(l) = line(file, *span) {
                        elements
                            .entry((file, l))
                            .or_default()
                            .push(Element::Attribute {
                                address,
                                path: AttrPath::parse(path),
                                span: *span,
                            });
                    }
                }
                for call in &spans.via {
                    if let Some(l) = line(&call.file, call.span) {
                        calls.insert((call.file.as_str(), l));
                    }
                }
            }
        }
        Targets { elements, calls }
    }

    /// True when something an exception can cover starts at `line` of `file`.
    fn exists(&self, file: &str, line: usize) -> bool {
        self.elements.contains_key(&(file, line)) || self.calls.contains(&(file, line))
    }

    /// The resource an exception at `line` of `file` is about, for its own findings.
    pub fn resource_at(&self, file: &str, line: usize) -> &'a str {
        self.elements
            .get(&(file, line))
            .and_then(|es| {
                es.iter()
                    .map(|e| match e {
                        Element::Resource(a) | Element::Attribute { address: a, .. } => *a,
                    })
                    .min()
            })
            .unwrap_or("")
    }

    /// True when the finding lies in what starts at `line` of `file`.
    pub fn covers(&self, file: &str, line: usize, f: &Finding) -> bool {
        let here = f.location.file == file;
        let in_element = here
            && self.elements.get(&(file, line)).is_some_and(|es| {
                es.iter().any(|e| match e {
                    Element::Resource(address) => f.resource == *address,
                    Element::Attribute {
                        address,
                        path,
                        span,
                    } => {
                        f.resource == *address
                            && (AttrPath::parse(&f.attribute).starts_with(path)
                                || (f.location.span.start >= span.start
                                    && f.location.span.end <= span.end))
                    }
                })
            });
        // A `module` block covers what was reached through it: the same resource reached
        // through another root's call is not covered.
        let through_call = || {
            f.via
                .iter()
                .any(|c| c.location.file == file && c.location.start.line == line)
        };
        in_element || through_call()
    }
}

/// A finding that soc2gate reports about an exception.
pub fn synthetic(
    rule_id: &str,
    severity: Severity,
    message: String,
    location: Location,
    resource: &str,
) -> Finding {
    Finding {
        rule_id: rule_id.into(),
        severity,
        controls: Vec::new(),
        fingerprint: Finding::fingerprint_of(rule_id, &location.file, resource, ""),
        message,
        location,
        resource: resource.into(),
        attribute: String::new(),
        suppression: None,
        via: Vec::new(),
        also: Vec::new(),
    }
}

/// Adds to the finding's message that an exception for it has expired (once per
/// exception). `place` says where the exception is when it is not beside the finding.
pub fn note_expired(finding: &mut Finding, place: Option<&str>, date: Date, reason: &str) {
    let place = place.map(|p| format!(" in {p}")).unwrap_or_default();
    let note = format!("; the exception for it{place} expired on {date} ({reason})");
    if !finding.message.contains(&note) {
        finding.message.push_str(&note);
    }
}

/// Applies the exception comments of `sources` to `findings`: covered findings get an
/// in-source suppression, unless the exception has expired (then their message says so).
/// Returns the findings about the exceptions themselves: `invalid-exception` for a
/// malformed one, `unused-exception` for each rule id of an exception that covers nothing.
/// `is_rule` tells whether a rule id was evaluated.
pub fn apply(
    findings: &mut [Finding],
    sources: &BTreeMap<String, Arc<SourceFile>>,
    targets: &Targets,
    today: Date,
    is_rule: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    let mut reported = Vec::new();
    for src in sources.values() {
        for c in comments(src) {
            let location = src.locate(c.span);
            let resource = c.target.map_or("", |t| targets.resource_at(&c.file, t));
            let directive = match c.directive {
                Ok(d) => d,
                Err(problem) => {
                    reported.push(synthetic(
                        INVALID_EXCEPTION,
                        Severity::High,
                        format!("exception ignored, it suppresses nothing: {problem}"),
                        location,
                        resource,
                    ));
                    continue;
                }
            };
            let expired = directive.expires.filter(|d| *d < today);
            for id in &directive.rules {
                let mut used = false;
                if let Some(t) = c.target {
                    for f in findings.iter_mut().filter(|f| &f.rule_id == id) {
                        if !targets.covers(&c.file, t, f) {
                            continue;
                        }
                        used = true;
                        if let Some(date) = expired {
                            note_expired(f, None, date, &directive.reason);
                        } else if f.suppression.is_none() {
                            f.suppression = Some(Suppression {
                                kind: SuppressionKind::InSource,
                                justification: directive.reason.clone(),
                                expires: directive.expires.map(|d| d.to_string()),
                            });
                        }
                    }
                }
                if used {
                    continue;
                }
                let message = if !is_rule(id) {
                    format!("exception names `{id}`, which is not a rule of this scan: check the id with `soc2gate rules` (or `disable` in soc2gate.toml)")
                } else if let Some(date) = expired {
                    format!(
                        "exception for {id} expired on {date} and matches no finding: remove it"
                    )
                } else if c.target.is_some_and(|t| targets.exists(&c.file, t)) {
                    format!("exception for {id} matches no finding here: remove it, or check the rule id and that it stands above (or at the end of the first line of) the resource, block, attribute or module call it is for")
                } else {
                    let place = if c.target == Some(c.line) {
                        "this line"
                    } else {
                        "the next line"
                    };
                    format!("exception for {id} matches no finding: no resource, nested block, attribute or module call starts on {place}; put it on the line above one, or at the end of its first line")
                };
                reported.push(synthetic(
                    UNUSED_EXCEPTION,
                    Severity::Low,
                    message,
                    location.clone(),
                    resource,
                ));
            }
        }
    }
    reported
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn directive_with_ids_reason_and_expiry() {
        let got = parse_directive(
            " aws-s3-versioning, aws-s3-tls-only -- static site -- no data (expires 2027-06-30)",
        )
        .unwrap();
        assert_eq!(got.rules, vec!["aws-s3-versioning", "aws-s3-tls-only"]);
        assert_eq!(got.reason, "static site -- no data");
        assert_eq!(got.expires, Some(d("2027-06-30")));
        let plain = parse_directive("a -- why").unwrap();
        assert_eq!((plain.reason.as_str(), plain.expires), ("why", None));
    }

    #[test]
    fn malformed_directives_say_what_is_wrong() {
        for (text, says) in [
            ("aws-s3-versioning", "no reason"),
            ("aws-s3-versioning --   ", "reason is empty"),
            (
                "aws-s3-versioning -- (expires 2027-06-30)",
                "reason is empty",
            ),
            ("-- because", "names no rule"),
            ("", "names no rule"),
            ("a b -- why", "separate rule ids with commas"),
            ("a -- why (expires 2027-02-30)", "not a date"),
            ("a -- why (expires 2027-06-30) and more", "expiry last"),
            ("a; -- why", "not a rule id"),
        ] {
            let err = parse_directive(text).unwrap_err();
            assert!(err.contains(says), "{text:?}: {err}");
        }
    }

    #[test]
    fn finds_comments_and_their_target_lines() {
        let src = SourceFile::new(
            "main.tf",
            "# soc2gate:ignore a -- one\n// other comment\nresource \"x\" \"y\" {\n  v = \"# soc2gate:ignore b -- in a string\"\n  w = 1 // soc2gate:ignore c -- trailing\n}\n# soc2gate:ignore d -- before a blank\n\n#soc2gate:ignored e -- not the marker\n",
        );
        let got: Vec<(usize, Option<usize>, Vec<String>)> = comments(&src)
            .into_iter()
            .map(|c| (c.line, c.target, c.directive.unwrap().rules))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, Some(3), vec!["a".to_string()]),
                (5, Some(5), vec!["c".to_string()]),
                (7, None, vec!["d".to_string()]),
            ]
        );
        let c = &comments(&src)[1];
        assert_eq!(
            &src.text[c.span.start..c.span.end],
            "// soc2gate:ignore c -- trailing"
        );
    }

    use soc2gate_model::{CallSite, ModuleCall, ResourceSpans, SourceMap};

    fn source(path: &str, text: &str) -> (String, Arc<SourceFile>) {
        (path.to_string(), Arc::new(SourceFile::new(path, text)))
    }

    /// The span of the first `needle` in `src`.
    fn span_of(src: &SourceFile, needle: &str) -> Span {
        let at = src
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle}"));
        Span::new(at, at + needle.len())
    }

    fn finding_at(
        src: &SourceFile,
        rule: &str,
        resource: &str,
        attribute: &str,
        needle: &str,
    ) -> Finding {
        Finding {
            rule_id: rule.into(),
            severity: Severity::High,
            controls: vec![],
            message: "m".into(),
            location: src.locate(span_of(src, needle)),
            resource: resource.into(),
            attribute: attribute.into(),
            fingerprint: String::new(),
            suppression: None,
            via: Vec::new(),
            also: Vec::new(),
        }
    }

    fn run(
        findings: &mut [Finding],
        sources: &BTreeMap<String, Arc<SourceFile>>,
        maps: &[UnitMap],
        today: &str,
    ) -> Vec<Finding> {
        let targets = Targets::new(maps, sources);
        apply(findings, sources, &targets, d(today), &|id| {
            id.starts_with('r')
        })
    }

    #[test]
    fn attribute_and_block_exceptions_cover_what_is_inside() {
        let text = "resource \"t\" \"n\" {\n  # soc2gate:ignore r1 -- block\n  versioning {\n    enabled = false\n  }\n  acl = \"public\" # soc2gate:ignore r2 -- attribute\n}\n";
        let sources = BTreeMap::from([source("main.tf", text)]);
        let src = sources["main.tf"].clone();
        let mut spans = ResourceSpans {
            file: "main.tf".into(),
            header: span_of(&src, "resource \"t\" \"n\" {"),
            block: Span::new(0, text.len()),
            ..Default::default()
        };
        spans.attributes.insert(
            "versioning[0]".into(),
            span_of(&src, "versioning {\n    enabled = false\n  }"),
        );
        spans.attributes.insert(
            "versioning[0].enabled".into(),
            span_of(&src, "enabled = false"),
        );
        spans
            .attributes
            .insert("acl".into(), span_of(&src, "acl = \"public\""));
        let mut map = SourceMap::default();
        map.insert("t.n", spans);
        let maps = vec![UnitMap {
            path: ".".into(),
            files: vec!["main.tf".into()],
            source_map: map,
            resources: Vec::new(),
        }];
        let mut findings = vec![
            finding_at(
                &src,
                "r1",
                "t.n",
                "versioning[0].enabled",
                "enabled = false",
            ),
            finding_at(&src, "r1", "t.n", "", "resource"),
            finding_at(&src, "r2", "t.n", "acl", "acl"),
            finding_at(
                &src,
                "r2",
                "t.n",
                "versioning[0].enabled",
                "enabled = false",
            ),
        ];
        let reported = run(&mut findings, &sources, &maps, "2026-01-01");
        let suppressed: Vec<bool> = findings.iter().map(|f| f.suppression.is_some()).collect();
        assert_eq!(suppressed, vec![true, false, true, false]);
        assert!(reported.is_empty(), "{reported:?}");
    }

    #[test]
    fn a_module_exception_covers_that_instance_only() {
        let caller = "# soc2gate:ignore r1 -- archive is public data (expires 2030-01-01)\nmodule \"archive\" {\n  source = \"./m\"\n}\n\nmodule \"logs\" {\n  source = \"./m\"\n}\n";
        let child = "resource \"t\" \"this\" {\n}\n";
        let sources = BTreeMap::from([source("main.tf", caller), source("m/main.tf", child)]);
        let (main, m) = (sources["main.tf"].clone(), sources["m/main.tf"].clone());
        let mut map = SourceMap::default();
        for call in ["archive", "logs"] {
            map.insert(
                format!("module.{call}.t.this"),
                ResourceSpans {
                    file: "m/main.tf".into(),
                    header: span_of(&m, "resource \"t\" \"this\" {"),
                    block: Span::new(0, child.len()),
                    via: vec![ModuleCall {
                        address: format!("module.{call}"),
                        file: "main.tf".into(),
                        span: span_of(&main, &format!("module \"{call}\" {{")),
                    }],
                    ..Default::default()
                },
            );
        }
        let maps = vec![UnitMap {
            path: ".".into(),
            files: vec!["main.tf".into(), "m/main.tf".into()],
            source_map: map,
            resources: Vec::new(),
        }];
        // As the scan locates them: with the call that leads to each.
        let reached = |call: &str| {
            let mut f = finding_at(&m, "r1", &format!("module.{call}.t.this"), "", "resource");
            f.via = vec![CallSite {
                address: format!("module.{call}"),
                location: main.locate(span_of(&main, &format!("module \"{call}\" {{"))),
            }];
            f
        };
        let mut findings = vec![reached("archive"), reached("logs")];
        assert!(run(&mut findings, &sources, &maps, "2029-12-31").is_empty());
        assert_eq!(
            findings[0].suppression.as_ref().unwrap().justification,
            "archive is public data"
        );
        assert!(findings[1].suppression.is_none());

        // The day after the expiry, the exception only annotates.
        let mut findings = vec![reached("archive")];
        assert!(run(&mut findings, &sources, &maps, "2030-01-02").is_empty());
        assert!(findings[0].suppression.is_none());
        assert!(
            findings[0]
                .message
                .ends_with("; the exception for it expired on 2030-01-01 (archive is public data)"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn unused_and_invalid_exceptions_are_reported_at_the_comment() {
        let text = "# soc2gate:ignore r1, x9 -- why\nresource \"t\" \"n\" {\n}\n# soc2gate:ignore r1\nresource \"t\" \"o\" {\n}\n";
        let sources = BTreeMap::from([source("main.tf", text)]);
        let src = sources["main.tf"].clone();
        let mut map = SourceMap::default();
        for (name, needle) in [
            ("t.n", "resource \"t\" \"n\""),
            ("t.o", "resource \"t\" \"o\""),
        ] {
            map.insert(
                name,
                ResourceSpans {
                    file: "main.tf".into(),
                    header: span_of(&src, needle),
                    ..Default::default()
                },
            );
        }
        let maps = vec![UnitMap {
            path: ".".into(),
            files: vec!["main.tf".into()],
            source_map: map,
            resources: Vec::new(),
        }];
        let mut findings = vec![finding_at(&src, "r1", "t.o", "", "resource \"t\" \"o\"")];
        let reported = run(&mut findings, &sources, &maps, "2026-01-01");
        let got: Vec<(&str, usize, &str)> = reported
            .iter()
            .map(|f| {
                (
                    f.rule_id.as_str(),
                    f.location.start.line,
                    f.resource.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (UNUSED_EXCEPTION, 1, "t.n"),
                (UNUSED_EXCEPTION, 1, "t.n"),
                (INVALID_EXCEPTION, 4, "t.o")
            ]
        );
        assert!(
            reported[0]
                .message
                .contains("exception for r1 matches no finding here"),
            "{}",
            reported[0].message
        );
        assert!(
            reported[1]
                .message
                .contains("`x9`, which is not a rule of this scan"),
            "{}",
            reported[1].message
        );
        assert!(
            findings[0].suppression.is_none(),
            "no reason, no suppression"
        );
        assert_eq!(reported[2].severity, Severity::High);
        assert!(!can_fail(&reported[0]) && can_fail(&reported[2]));
    }

    #[test]
    fn yaml_comments_need_white_space_before_the_sign() {
        let src = SourceFile::new(
            ".github/settings.yml",
            "branches:\n  - name: main # soc2gate:ignore a -- why\n    x: a#soc2gate:ignore b -- no\n    y: 'q # soc2gate:ignore c -- quoted'\n",
        );
        let lines: Vec<usize> = comments(&src).iter().map(|c| c.line).collect();
        assert_eq!(lines, vec![2]);
        assert!(comments(&SourceFile::new(
            "a.tf.json",
            "{\"# soc2gate:ignore a -- x\": 1}"
        ))
        .is_empty());
    }
}
