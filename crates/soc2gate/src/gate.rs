//! The stage between the scan and the report: exceptions, the config's rule settings, the
//! baseline and diff mode, in that order, then the report order. [`crate::scan::scan`]
//! stays pure; this stage only marks, annotates, adds or drops findings.
//!
//! A finding reached in several ways (a module called twice) is judged per occurrence:
//! an exception or baseline entry for one module instance covers that instance only. The
//! occurrences that end up alike are merged again before diff mode and the report.

use std::collections::BTreeSet;
use std::path::Path;

use soc2gate_model::{merge_duplicates, Finding, Suppression, SuppressionKind};

use crate::baseline::{Baseline, Entry};
use crate::changed;
use crate::config::{Config, Selection};
use crate::date::Date;
use crate::exceptions::{self, Targets, UNUSED_EXCEPTION};
use crate::migrated;
use crate::paths::Rebase;
use crate::scan::ScanOutcome;

/// Everything the gate applies, each part optional.
pub struct Settings<'a> {
    /// Expiry dates are compared with it.
    pub today: Date,
    /// `false` with `--no-inline-exceptions`: `soc2gate:ignore` comments are not read.
    pub inline_exceptions: bool,
    pub config: Option<&'a Config>,
    pub selection: &'a Selection,
    pub baseline: Option<&'a Baseline>,
    /// Display paths of the files changed since `--changed-since REF`.
    pub changed: Option<&'a BTreeSet<String>>,
    /// The working directory: display paths are relative to it.
    pub cwd: &'a Path,
}

/// What the gate found beside the findings.
#[derive(Debug, Default)]
pub struct Gated {
    /// Baseline entries that no longer occur.
    pub fixed: Vec<Entry>,
    /// Findings left out by diff mode because they lie outside the changed files.
    pub unchanged: usize,
    /// Those findings themselves: code scanning (SARIF) still gets them, since it
    /// compares whole analyses and would show the ones left out as fixed.
    pub hidden: Vec<Finding>,
}

/// Applies `settings` to the findings of `outcome` and sorts them. soc2gate's own rules
/// (`invalid-exception`, `unused-exception`) join `outcome.rules` unless disabled.
pub fn apply(outcome: &mut ScanOutcome, settings: &Settings) -> Gated {
    let selection = settings.selection;
    outcome.rules.extend(
        exceptions::rules()
            .into_iter()
            .filter(|r| !selection.disabled.contains(&r.id)),
    );
    let rule_ids: BTreeSet<String> = outcome.rules.iter().map(|r| r.id.clone()).collect();
    outcome.findings = std::mem::take(&mut outcome.findings)
        .into_iter()
        .flat_map(Finding::split)
        .collect();

    let mut reported = Vec::new();
    let any_comment =
        |marker: &dyn Fn(&str) -> bool| outcome.sources.values().any(|s| marker(&s.text));
    let own = any_comment(&|text| text.contains(exceptions::MARKER));
    let migrated = any_comment(&|text| migrated::any(text));
    if settings.inline_exceptions && (own || migrated) {
        let targets = Targets::new(&outcome.maps, &outcome.sources);
        if own {
            reported = exceptions::apply(
                &mut outcome.findings,
                &outcome.sources,
                &targets,
                settings.today,
                &|id| rule_ids.contains(id),
            );
        }
        // Checkov's and Trivy's comments, for the rules that check the same thing.
        if migrated {
            migrated::apply(
                &mut outcome.findings,
                &outcome.sources,
                &outcome.maps,
                &targets,
                settings.today,
            );
        }
    }
    outcome.findings.append(&mut reported);

    if let Some(config) = settings.config {
        apply_config_exceptions(outcome, config, settings.today, settings.cwd);
    }

    for r in &mut outcome.rules {
        if let Some(s) = selection.severities.get(&r.id) {
            r.severity = *s;
        }
    }
    outcome
        .findings
        .retain(|f| !selection.disabled.contains(&f.rule_id));
    for f in &mut outcome.findings {
        if let Some(s) = selection.severities.get(&f.rule_id) {
            f.severity = *s;
        }
    }

    let mut gated = Gated::default();
    if let Some(baseline) = settings.baseline {
        let scanned: BTreeSet<String> = outcome.sources.keys().cloned().collect();
        gated.fixed = baseline.apply(&mut outcome.findings, &scanned);
    }
    outcome.findings = merge_duplicates(std::mem::take(&mut outcome.findings));
    // Diff mode goes by file, which all occurrences of a finding share; after merging, the
    // count of findings not shown is in the report's terms.
    if let Some(changed) = settings.changed {
        let units: Vec<Vec<String>> = outcome.maps.iter().map(|m| m.files.clone()).collect();
        gated.hidden = changed::filter(&mut outcome.findings, changed, &units);
        gated.unchanged = gated.hidden.len();
    }
    gated
}

/// `[[exceptions]]` of soc2gate.toml: external suppressions with their reason; an expired
/// one annotates instead, and one that matches nothing is reported as unused (when its
/// `path`, if any, matches a scanned file: a partial scan does not make it stale).
fn apply_config_exceptions(outcome: &mut ScanOutcome, config: &Config, today: Date, cwd: &Path) {
    let rebase = Rebase::new(cwd, &config.dir);
    let mut unused = Vec::new();
    for e in &config.exceptions {
        let expired = e.expires.filter(|d| *d < today);
        let place = format!("{}:{}", config.display, e.line);
        let mut used = false;
        for f in outcome.findings.iter_mut() {
            if !e.matches(f, &rebase) {
                continue;
            }
            used = true;
            if let Some(date) = expired {
                exceptions::note_expired(f, Some(&place), date, &e.reason);
            } else if f.suppression.is_none() {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::External,
                    justification: e.reason.clone(),
                    expires: e.expires.map(|d| d.to_string()),
                });
            }
        }
        let in_scope = e
            .path
            .as_ref()
            .is_none_or(|p| outcome.sources.keys().any(|s| p.matches(&rebase.rel(s))));
        if !used && in_scope {
            let rule = e.rule.get_ref();
            let message = match expired {
                Some(date) => format!("exception for {rule} expired on {date} and matches no finding: remove it"),
                None => format!("exception for {rule} matches no finding: remove it, or check its `resource` and `path` globs"),
            };
            unused.push(exceptions::synthetic(
                UNUSED_EXCEPTION,
                soc2gate_model::Severity::Low,
                message,
                config
                    .source
                    .locate(soc2gate_model::Span::new(e.span.start, e.span.end)),
                e.resource.as_deref().unwrap_or(""),
            ));
        }
    }
    if !unused.is_empty() {
        outcome
            .sources
            .entry(config.display.clone())
            .or_insert_with(|| config.source.clone());
    }
    outcome.findings.extend(unused);
}

/// True when a finding fails the gate at `threshold`.
pub fn fails(f: &Finding, threshold: soc2gate_model::Severity) -> bool {
    f.suppression.is_none() && exceptions::can_fail(f) && f.severity >= threshold
}
