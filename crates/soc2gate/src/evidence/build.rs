//! Turns a gated scan into an evidence [`Bundle`]: each rule's population with verdicts,
//! the criteria they serve, what the scan did not cover, and the exceptions register.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use soc2gate_evidence::{
    Blame, Bundle, Criterion, Detail, ExceptionEntry, Member, RuleEvidence, Run, ScopeLimitation,
    Summary, Tool, Verdict, SCHEMA_VERSION,
};
use soc2gate_model::{criterion_ids, criterion_meaning, Finding, SuppressionKind};

use crate::config::Config;
use crate::date::Date;
use crate::exceptions::{self, Targets};
use crate::paths::Rebase;
use crate::scan::ScanOutcome;

/// What the bundle needs besides the scan.
pub struct Inputs<'a> {
    pub generated_at: String,
    pub run: Run,
    pub today: Date,
    pub config: Option<&'a Config>,
    pub inline_exceptions: bool,
    /// Rule ids whose policy defines `undetermined`.
    pub judging: &'a BTreeSet<String>,
    pub cwd: &'a Path,
    /// The commit and author of a line (`git blame`), when known.
    pub blame: &'a dyn Fn(&str, usize) -> Option<Blame>,
}

/// One occurrence of a finding: rule, file, line, resource.
type OccurrenceKey = (String, String, usize, String);

/// The exception register id that covers each covered occurrence.
type Links = BTreeMap<OccurrenceKey, String>;

/// A member's identity: rule, resource address, the module calls that lead to it, and
/// the file it is declared in (two roots may declare the same address).
type Key = (String, String, Vec<String>, String);

pub fn bundle(outcome: &ScanOutcome, inputs: &Inputs) -> Bundle {
    let (register, links) = register(outcome, inputs);
    let mut populations = populations(outcome, &links);
    let mut rules: Vec<RuleEvidence> = outcome
        .rules
        .iter()
        // soc2gate's own rules (about exceptions) judge no resource: the register shows them.
        .filter(|r| !r.resource_types.is_empty() || !r.controls.is_empty())
        .map(|r| {
            let population = populations.remove(&r.id).unwrap_or_default();
            let mut summary = Summary::default();
            for m in &population {
                summary.add(m.verdict);
            }
            RuleEvidence {
                id: r.id.clone(),
                title: r.title.clone(),
                severity: r.severity.as_str().to_string(),
                criteria: r.controls.clone(),
                policy: r.source.clone(),
                reports_undetermined: inputs.judging.contains(&r.id),
                summary,
                population,
            }
        })
        .collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    let criteria = criterion_ids()
        .filter_map(|id| {
            let served: Vec<RuleEvidence> = rules
                .iter()
                .filter(|r| r.criteria.iter().any(|c| c == id))
                .cloned()
                .collect();
            if served.is_empty() {
                return None;
            }
            let mut summary = Summary::default();
            for r in &served {
                summary.merge(&r.summary);
            }
            Some(Criterion {
                id: id.to_string(),
                meaning: criterion_meaning(id).unwrap_or_default().to_string(),
                status: summary.status().to_string(),
                summary,
                rules: served,
            })
        })
        .collect();
    Bundle {
        schema_version: SCHEMA_VERSION,
        generated_at: inputs.generated_at.clone(),
        tool: Tool {
            name: "soc2gate".into(),
            version: env!("CARGO_PKG_VERSION").into(),
        },
        run: inputs.run.clone(),
        criteria,
        scope_limitations: limitations(outcome, inputs),
        exceptions: register,
    }
}

fn line_of(outcome: &ScanOutcome, file: &str, span: soc2gate_model::Span) -> usize {
    outcome
        .sources
        .get(file)
        .map_or(0, |s| s.position(span.start).line)
}

/// Every rule's members, by rule id: the resources of its types in every unit, and any
/// other resource its findings or undetermined entries name.
fn populations(outcome: &ScanOutcome, links: &Links) -> BTreeMap<String, Vec<Member>> {
    let mut by_type: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in &outcome.rules {
        for t in &r.resource_types {
            by_type.entry(t.as_str()).or_default().push(&r.id);
        }
    }
    let judging: BTreeSet<&str> = by_type.values().flatten().copied().collect();
    // Type and mode by address, for a member that only a finding names.
    let kinds: BTreeMap<&str, (&str, String)> = outcome
        .maps
        .iter()
        .flat_map(|u| &u.resources)
        .map(|r| (r.address.as_str(), (r.rtype.as_str(), mode_text(r.mode))))
        .collect();
    let mut members: BTreeMap<Key, Member> = BTreeMap::new();
    for unit in &outcome.maps {
        for res in &unit.resources {
            let Some(rules) = by_type.get(res.rtype.as_str()) else {
                continue;
            };
            let (file, line) = unit
                .source_map
                .resources
                .get(&res.address)
                .map(|s| (s.file.clone(), line_of(outcome, &s.file, s.header)))
                .unwrap_or_default();
            let via: Vec<String> = unit
                .source_map
                .via(&res.address)
                .iter()
                .map(|c| c.address.clone())
                .collect();
            let mode = mode_text(res.mode);
            for rule in rules {
                let key = (
                    rule.to_string(),
                    res.address.clone(),
                    via.clone(),
                    file.clone(),
                );
                members.entry(key).or_insert_with(|| Member {
                    resource: res.address.clone(),
                    rtype: res.rtype.clone(),
                    mode: mode.clone(),
                    file: file.clone(),
                    line,
                    via: via.clone(),
                    verdict: Verdict::Pass,
                    details: Vec::new(),
                });
            }
        }
    }
    let entries = outcome
        .findings
        .iter()
        .map(|f| (f, "violation"))
        .chain(outcome.undetermined.iter().map(|f| (f, "undetermined")));
    for (f, kind) in entries {
        if !judging.contains(f.rule_id.as_str()) {
            continue;
        }
        for one in f.clone().split() {
            let via: Vec<String> = one.via.iter().map(|c| c.address.clone()).collect();
            let key = (
                one.rule_id.clone(),
                one.resource.clone(),
                via.clone(),
                one.location.file.clone(),
            );
            // Covered by a written exception, else by the baseline.
            let exception = one.suppression.as_ref().map(|s| {
                links
                    .get(&occurrence_key(&one))
                    .cloned()
                    .unwrap_or_else(|| {
                        match s.kind {
                            SuppressionKind::InSource => "inline",
                            SuppressionKind::External => "baseline",
                        }
                        .to_string()
                    })
            });
            let (rtype, mode) = kinds
                .get(one.resource.as_str())
                .cloned()
                .unwrap_or(("", String::new()));
            let member = members.entry(key).or_insert_with(|| Member {
                resource: one.resource.clone(),
                rtype: rtype.to_string(),
                mode,
                file: one.location.file.clone(),
                line: one.location.start.line,
                via,
                verdict: Verdict::Pass,
                details: Vec::new(),
            });
            member.details.push(Detail {
                kind: kind.to_string(),
                message: one.message.clone(),
                attribute: one.attribute.clone(),
                file: one.location.file.clone(),
                line: one.location.start.line,
                column: one.location.start.column,
                exception,
            });
        }
    }
    let mut out: BTreeMap<String, Vec<Member>> = BTreeMap::new();
    for ((rule, ..), mut m) in members {
        m.details.sort_by(|a, b| {
            (&a.kind, &a.file, a.line, a.column, &a.message)
                .cmp(&(&b.kind, &b.file, b.line, b.column, &b.message))
        });
        m.details.dedup();
        m.verdict = verdict(&m.details);
        out.entry(rule).or_default().push(m);
    }
    for list in out.values_mut() {
        list.sort_by(|a, b| {
            (&a.file, a.line, &a.resource, &a.via).cmp(&(&b.file, b.line, &b.resource, &b.via))
        });
    }
    out
}

fn mode_text(mode: soc2gate_model::Mode) -> String {
    match mode {
        soc2gate_model::Mode::Managed => "managed",
        soc2gate_model::Mode::Data => "data",
        soc2gate_model::Mode::Settings => "settings",
    }
    .to_string()
}

/// Fail beats excepted beats undetermined beats pass.
fn verdict(details: &[Detail]) -> Verdict {
    let violations = details.iter().filter(|d| d.kind == "violation");
    if violations.clone().any(|d| d.exception.is_none()) {
        Verdict::Fail
    } else if violations.count() > 0 {
        Verdict::Excepted
    } else if details.iter().any(|d| d.kind == "undetermined") {
        Verdict::Undetermined
    } else {
        Verdict::Pass
    }
}

/// One occurrence of a finding, to link it to the exception that covers it.
fn occurrence_key(f: &Finding) -> OccurrenceKey {
    (
        f.rule_id.clone(),
        f.location.file.clone(),
        f.location.start.line,
        f.resource.clone(),
    )
}

/// The exceptions register, and for every covered occurrence the id of its exception.
fn register(outcome: &ScanOutcome, inputs: &Inputs) -> (Vec<ExceptionEntry>, Links) {
    struct Raw {
        rule: String,
        resource: String,
        reason: String,
        expires: Option<Date>,
        source: &'static str,
        file: String,
        line: usize,
        covered: Vec<Finding>,
        blame: Option<Blame>,
    }
    let occurrences: Vec<Finding> = outcome
        .findings
        .iter()
        .flat_map(|f| f.clone().split())
        .collect();
    let mut raws: Vec<Raw> = Vec::new();
    if inputs.inline_exceptions {
        let targets = Targets::new(&outcome.maps, &outcome.sources);
        for src in outcome.sources.values() {
            if !src.text.contains(exceptions::MARKER) {
                continue;
            }
            for c in exceptions::comments(src) {
                let Ok(directive) = c.directive else {
                    continue;
                };
                let line = src.locate(c.span).start.line;
                for rule in &directive.rules {
                    let covered = c.target.map_or_else(Vec::new, |t| {
                        occurrences
                            .iter()
                            .filter(|f| &f.rule_id == rule && targets.covers(&c.file, t, f))
                            .cloned()
                            .collect()
                    });
                    raws.push(Raw {
                        rule: rule.clone(),
                        resource: c
                            .target
                            .map(|t| targets.resource_at(&c.file, t).to_string())
                            .unwrap_or_default(),
                        reason: directive.reason.clone(),
                        expires: directive.expires,
                        source: "inline",
                        file: c.file.clone(),
                        line,
                        covered,
                        blame: (inputs.blame)(&c.file, line),
                    });
                }
            }
        }
    }
    if let Some(config) = inputs.config {
        let rebase = Rebase::new(inputs.cwd, &config.dir);
        for e in &config.exceptions {
            raws.push(Raw {
                rule: e.rule.get_ref().clone(),
                resource: e.resource.clone().unwrap_or_else(|| "*".into()),
                reason: e.reason.clone(),
                expires: e.expires,
                source: "config",
                file: config.display.clone(),
                line: e.line,
                covered: occurrences
                    .iter()
                    .filter(|f| e.matches(f, &rebase))
                    .cloned()
                    .collect(),
                blame: None,
            });
        }
    }
    raws.sort_by(|a, b| (&a.file, a.line, &a.rule).cmp(&(&b.file, b.line, &b.rule)));
    let mut links = BTreeMap::new();
    let mut entries = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let id = format!("E{}", i + 1);
        let expired = raw.expires.is_some_and(|d| d < inputs.today);
        let status = if expired {
            "expired"
        } else if raw.covered.is_empty() {
            "unused"
        } else {
            "active"
        };
        if !expired {
            for f in raw.covered.iter().filter(|f| f.suppression.is_some()) {
                links.entry(occurrence_key(f)).or_insert_with(|| id.clone());
            }
        }
        entries.push(ExceptionEntry {
            id,
            rule: raw.rule,
            resource: raw.resource,
            reason: raw.reason,
            expires: raw.expires.map(|d| d.to_string()),
            days_left: raw
                .expires
                .map(|d| d.unix_days() - inputs.today.unix_days()),
            status: status.into(),
            source: raw.source.into(),
            file: raw.file,
            line: raw.line,
            blame: raw.blame,
            covers: raw.covered.len(),
        });
    }
    (entries, links)
}

/// What the scan did not look at.
fn limitations(outcome: &ScanOutcome, inputs: &Inputs) -> Vec<ScopeLimitation> {
    let mut out = Vec::new();
    for e in &outcome.load_errors {
        out.push(ScopeLimitation {
            kind: "load-error".into(),
            file: Some(e.location.file.clone()),
            line: Some(e.location.start.line),
            message: format!("{}: what it declares was not checked", e.message),
        });
    }
    for u in &outcome.unexpanded {
        out.push(ScopeLimitation {
            kind: "module-not-expanded".into(),
            file: Some(u.location.file.clone()),
            line: Some(u.location.start.line),
            message: format!("{}; the resources it creates were not checked", u.message()),
        });
    }
    if outcome.excluded > 0 {
        out.push(ScopeLimitation {
            kind: "excluded".into(),
            file: inputs.config.map(|c| c.display.clone()),
            line: None,
            message: format!(
                "{} file(s) left out by `exclude` in soc2gate.toml",
                outcome.excluded
            ),
        });
    }
    for e in &outcome.discover_errors {
        out.push(ScopeLimitation {
            kind: "path-error".into(),
            file: Some(e.path.clone()),
            line: None,
            message: e.message.clone(),
        });
    }
    for e in &outcome.eval_errors {
        out.push(ScopeLimitation {
            kind: "rule-error".into(),
            file: Some(e.policy.clone()),
            line: None,
            message: e.to_string(),
        });
    }
    for r in &outcome.rules {
        if !r.resource_types.is_empty() && !inputs.judging.contains(&r.id) {
            out.push(ScopeLimitation {
                kind: "rule-without-undetermined".into(),
                file: Some(r.source.clone()),
                line: None,
                message: format!(
                    "rule {} does not report what it could not judge (no `undetermined` set): its passes may include resources it could not judge",
                    r.id
                ),
            });
        }
    }
    out
}
