//! What changed between two bundles, per criterion: continuous monitoring between two
//! merges or two months.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::{Bundle, ExceptionEntry, Member, Verdict};

/// One kind of change between two bundles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// A resource that passed, was excepted or undetermined, or was not there, now fails.
    StartedFailing,
    /// A resource that failed now passes.
    Fixed,
    /// A resource that failed is now covered by an exception.
    NowExcepted,
    /// A resource the rule judged can no longer be judged.
    NowUndetermined,
    /// A resource that could not be judged now can (and does not fail).
    NowDetermined,
    /// A resource entered the rule's population.
    Added,
    /// A resource left the rule's population.
    Removed,
    /// An exception that was not in the old bundle.
    NewException,
    /// An exception that was active (or unused) and has expired.
    ExpiredException,
    /// An exception that is gone.
    RemovedException,
    /// The criterion's status changed.
    StatusChanged,
}

impl ChangeKind {
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::StartedFailing => "started failing",
            ChangeKind::Fixed => "fixed",
            ChangeKind::NowExcepted => "now excepted",
            ChangeKind::NowUndetermined => "now undetermined",
            ChangeKind::NowDetermined => "now determined",
            ChangeKind::Added => "added to the population",
            ChangeKind::Removed => "removed from the population",
            ChangeKind::NewException => "new exception",
            ChangeKind::ExpiredException => "expired exception",
            ChangeKind::RemovedException => "removed exception",
            ChangeKind::StatusChanged => "status changed",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub rule: String,
    pub resource: String,
    /// `file:line` in the new bundle (the old one for what was removed).
    pub location: String,
    /// The verdicts or statuses, `old -> new`, or the exception's reason.
    pub detail: String,
}

/// The changes of one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionDiff {
    pub id: String,
    pub meaning: String,
    pub old_status: Option<String>,
    pub new_status: Option<String>,
    pub changes: Vec<Change>,
}

/// Everything that changed; empty lists when nothing did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub old_generated_at: String,
    pub new_generated_at: String,
    pub old_commit: Option<String>,
    pub new_commit: Option<String>,
    /// Only the criteria with changes.
    pub criteria: Vec<CriterionDiff>,
    pub exceptions: Vec<Change>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.criteria.is_empty() && self.exceptions.is_empty()
    }

    /// How many changes of `kind`, over criteria and exceptions.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.criteria
            .iter()
            .flat_map(|c| &c.changes)
            .chain(&self.exceptions)
            .filter(|c| c.kind == kind)
            .count()
    }

    /// The diff for a terminal or a pull request comment (Markdown that reads as text).
    pub fn text(&self) -> String {
        let commit = |c: &Option<String>| {
            c.as_deref()
                .map(|c| format!(" (commit {})", &c[..c.len().min(12)]))
                .unwrap_or_default()
        };
        let mut out = format!(
            "# soc2gate evidence diff\n\nfrom {}{} to {}{}\n\n",
            self.old_generated_at,
            commit(&self.old_commit),
            self.new_generated_at,
            commit(&self.new_commit)
        );
        if self.is_empty() {
            out += "No change: every criterion has the same population, verdicts and exceptions.\n";
            return out;
        }
        for c in &self.criteria {
            let status = match (&c.old_status, &c.new_status) {
                (Some(o), Some(n)) if o != n => format!(": {o} -> {n}"),
                (Some(o), Some(_)) => format!(": {o}"),
                (None, Some(n)) => format!(": new, {n}"),
                (Some(o), None) => format!(": {o}, no longer tested by any rule"),
                (None, None) => String::new(),
            };
            out += &format!("## {} {}{status}\n\n", c.id, c.meaning);
            for ch in c
                .changes
                .iter()
                .filter(|ch| ch.kind != ChangeKind::StatusChanged)
            {
                out += &format!(
                    "- {}: {} {} at {} ({})\n",
                    ch.kind.label(),
                    ch.rule,
                    ch.resource,
                    ch.location,
                    ch.detail
                );
            }
            out.push('\n');
        }
        if !self.exceptions.is_empty() {
            out += "## Exceptions\n\n";
            for ch in &self.exceptions {
                out += &format!(
                    "- {}: {} for {} at {} ({})\n",
                    ch.kind.label(),
                    ch.rule,
                    ch.resource,
                    ch.location,
                    ch.detail
                );
            }
        }
        out
    }
}

/// A member's identity across bundles: rule, resource, the module calls that lead to it,
/// and its file (two roots may hold the same address).
type Key = (String, String, Vec<String>, String);

fn members(b: &Bundle, criterion: &str) -> BTreeMap<Key, Member> {
    b.criteria
        .iter()
        .filter(|c| c.id == criterion)
        .flat_map(|c| &c.rules)
        .flat_map(|r| {
            r.population.iter().map(|m| {
                (
                    (
                        r.id.clone(),
                        m.resource.clone(),
                        m.via.clone(),
                        m.file.clone(),
                    ),
                    m.clone(),
                )
            })
        })
        .collect()
}

fn change(kind: ChangeKind, key: &Key, m: &Member, detail: String) -> Change {
    Change {
        kind,
        rule: key.0.clone(),
        resource: key.1.clone(),
        location: format!("{}:{}", m.file, m.line),
        detail,
    }
}

/// The change of one member present in both bundles, if its verdict changed.
fn verdict_change(old: Verdict, new: Verdict) -> Option<ChangeKind> {
    use Verdict::*;
    match (old, new) {
        (o, n) if o == n => None,
        (_, Fail) => Some(ChangeKind::StartedFailing),
        (Fail, Pass) => Some(ChangeKind::Fixed),
        (_, Excepted) => Some(ChangeKind::NowExcepted),
        (_, Undetermined) => Some(ChangeKind::NowUndetermined),
        (Undetermined, _) => Some(ChangeKind::NowDetermined),
        // An exception no longer needed: the resource was fixed.
        (Excepted, Pass) => Some(ChangeKind::Fixed),
        _ => None,
    }
}

/// What changed from `old` to `new`.
pub fn diff(old: &Bundle, new: &Bundle) -> Diff {
    let mut ids: Vec<(String, String)> = Vec::new();
    for c in old.criteria.iter().chain(&new.criteria) {
        if !ids.iter().any(|(id, _)| *id == c.id) {
            ids.push((c.id.clone(), c.meaning.clone()));
        }
    }
    // The standard's order, as both bundles list them.
    let order = |id: &str| {
        new.criteria
            .iter()
            .chain(&old.criteria)
            .position(|c| c.id == id)
    };
    ids.sort_by_key(|(id, _)| order(id));
    let status = |b: &Bundle, id: &str| {
        b.criteria
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.status.clone())
    };
    let mut criteria = Vec::new();
    for (id, meaning) in ids {
        let before = members(old, &id);
        let after = members(new, &id);
        let mut changes = Vec::new();
        for (key, m) in &after {
            match before.get(key) {
                None => {
                    changes.push(change(
                        ChangeKind::Added,
                        key,
                        m,
                        m.verdict.as_str().to_string(),
                    ));
                    if m.verdict == Verdict::Fail {
                        changes.push(change(
                            ChangeKind::StartedFailing,
                            key,
                            m,
                            "new resource, fails".into(),
                        ));
                    }
                }
                Some(o) => {
                    if let Some(kind) = verdict_change(o.verdict, m.verdict) {
                        changes.push(change(
                            kind,
                            key,
                            m,
                            format!("{} -> {}", o.verdict.as_str(), m.verdict.as_str()),
                        ));
                    }
                }
            }
        }
        for (key, m) in &before {
            if !after.contains_key(key) {
                changes.push(change(
                    ChangeKind::Removed,
                    key,
                    m,
                    format!("was {}", m.verdict.as_str()),
                ));
            }
        }
        let (old_status, new_status) = (status(old, &id), status(new, &id));
        if old_status != new_status {
            changes.push(Change {
                kind: ChangeKind::StatusChanged,
                rule: String::new(),
                resource: String::new(),
                location: String::new(),
                detail: format!(
                    "{} -> {}",
                    old_status.as_deref().unwrap_or("absent"),
                    new_status.as_deref().unwrap_or("absent")
                ),
            });
        }
        if !changes.is_empty() {
            changes.sort_by(|a, b| {
                (a.kind, &a.rule, &a.resource).cmp(&(b.kind, &b.rule, &b.resource))
            });
            criteria.push(CriterionDiff {
                id,
                meaning,
                old_status,
                new_status,
                changes,
            });
        }
    }
    Diff {
        old_generated_at: old.generated_at.clone(),
        new_generated_at: new.generated_at.clone(),
        old_commit: old.run.git.as_ref().map(|g| g.commit.clone()),
        new_commit: new.run.git.as_ref().map(|g| g.commit.clone()),
        criteria,
        exceptions: exception_changes(&old.exceptions, &new.exceptions),
    }
}

/// An exception's identity across bundles: rule, resource, where it is written. Its line
/// may move with unrelated edits, so the line is not part of it.
fn exception_key(e: &ExceptionEntry) -> (String, String, String, String) {
    (
        e.rule.clone(),
        e.resource.clone(),
        e.source.clone(),
        e.file.clone(),
    )
}

fn exception_changes(old: &[ExceptionEntry], new: &[ExceptionEntry]) -> Vec<Change> {
    let before: BTreeMap<_, &ExceptionEntry> = old.iter().map(|e| (exception_key(e), e)).collect();
    let after: BTreeMap<_, &ExceptionEntry> = new.iter().map(|e| (exception_key(e), e)).collect();
    let at = |e: &ExceptionEntry| format!("{}:{}", e.file, e.line);
    let describe = |e: &ExceptionEntry| match &e.expires {
        Some(d) => format!("{}; expires {d}", e.reason),
        None => e.reason.clone(),
    };
    let mut changes = Vec::new();
    for (key, e) in &after {
        let kind = match before.get(key) {
            None => Some(ChangeKind::NewException),
            Some(o) if o.status != "expired" && e.status == "expired" => {
                Some(ChangeKind::ExpiredException)
            }
            Some(_) => None,
        };
        if let Some(kind) = kind {
            changes.push(Change {
                kind,
                rule: e.rule.clone(),
                resource: e.resource.clone(),
                location: at(e),
                detail: describe(e),
            });
        }
    }
    for (key, e) in &before {
        if !after.contains_key(key) {
            changes.push(Change {
                kind: ChangeKind::RemovedException,
                rule: e.rule.clone(),
                resource: e.resource.clone(),
                location: at(e),
                detail: describe(e),
            });
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Criterion, ExceptionEntry, Member, RuleEvidence, Run, RunConfig, Summary, Tool};

    fn member(resource: &str, verdict: Verdict) -> Member {
        Member {
            resource: resource.into(),
            rtype: "aws_kms_key".into(),
            mode: "managed".into(),
            file: "main.tf".into(),
            line: 1,
            via: vec![],
            verdict,
            details: vec![],
        }
    }

    fn exception(resource: &str, status: &str) -> ExceptionEntry {
        ExceptionEntry {
            id: "E1".into(),
            rule: "r".into(),
            resource: resource.into(),
            reason: "why".into(),
            expires: Some("2027-01-01".into()),
            days_left: Some(3),
            status: status.into(),
            source: "inline".into(),
            file: "main.tf".into(),
            line: 1,
            blame: None,
            covers: 1,
        }
    }

    fn bundle(members: Vec<Member>, exceptions: Vec<ExceptionEntry>) -> Bundle {
        let mut summary = Summary::default();
        for m in &members {
            summary.add(m.verdict);
        }
        Bundle {
            schema_version: 1,
            generated_at: "2026-12-08T00:00:00Z".into(),
            tool: Tool {
                name: "soc2gate".into(),
                version: "0".into(),
            },
            run: Run {
                paths: vec![".".into()],
                policy_digest: String::new(),
                config_digest: String::new(),
                config: RunConfig {
                    config_file: None,
                    config_file_digest: None,
                    fail_on: "low".into(),
                    inline_exceptions: true,
                    baseline: None,
                    baseline_digest: None,
                    allow_parse_errors: false,
                    disabled_rules: vec![],
                },
                git: None,
                files: 1,
                units: 1,
                resources: members.len(),
                rules: 1,
                exit_code: 0,
                result: "pass".into(),
            },
            criteria: vec![Criterion {
                id: "CC6.1".into(),
                meaning: "logical access".into(),
                status: summary.status().into(),
                summary,
                rules: vec![RuleEvidence {
                    id: "r".into(),
                    title: "t".into(),
                    severity: "high".into(),
                    criteria: vec!["CC6.1".into()],
                    policy: "p.rego".into(),
                    reports_undetermined: true,
                    summary,
                    population: members,
                }],
            }],
            scope_limitations: vec![],
            exceptions,
        }
    }

    fn kinds(d: &Diff) -> Vec<(ChangeKind, String)> {
        d.criteria
            .iter()
            .flat_map(|c| &c.changes)
            .chain(&d.exceptions)
            .map(|c| (c.kind, c.resource.clone()))
            .collect()
    }

    #[test]
    fn each_kind_of_change_is_found() {
        use Verdict::*;
        let old = bundle(
            vec![
                member("a", Pass),
                member("b", Fail),
                member("c", Fail),
                member("d", Pass),
                member("e", Undetermined),
                member("gone", Pass),
                member("x", Excepted),
            ],
            vec![exception("keep", "active"), exception("old", "active")],
        );
        let new = bundle(
            vec![
                member("a", Fail),
                member("b", Pass),
                member("c", Excepted),
                member("d", Undetermined),
                member("e", Pass),
                member("new", Fail),
                member("x", Pass),
            ],
            vec![exception("keep", "expired"), exception("fresh", "active")],
        );
        let d = diff(&old, &new);
        let found = kinds(&d);
        for want in [
            (ChangeKind::StartedFailing, "a"),
            (ChangeKind::Fixed, "b"),
            (ChangeKind::NowExcepted, "c"),
            (ChangeKind::NowUndetermined, "d"),
            (ChangeKind::NowDetermined, "e"),
            (ChangeKind::Added, "new"),
            (ChangeKind::StartedFailing, "new"),
            (ChangeKind::Removed, "gone"),
            (ChangeKind::Fixed, "x"),
            (ChangeKind::ExpiredException, "keep"),
            (ChangeKind::NewException, "fresh"),
            (ChangeKind::RemovedException, "old"),
        ] {
            assert!(
                found.contains(&(want.0, want.1.to_string())),
                "{want:?} not in {found:?}"
            );
        }
        assert_eq!(d.criteria[0].old_status.as_deref(), Some("not effective"));
        assert!(
            found.iter().all(|(k, _)| *k != ChangeKind::StatusChanged)
                || d.criteria[0].old_status != d.criteria[0].new_status
        );
        assert!(d
            .text()
            .contains("- started failing: r a at main.tf:1 (pass -> fail)"));
    }

    #[test]
    fn a_status_change_is_reported_and_an_identical_bundle_has_none() {
        let old = bundle(vec![member("a", Verdict::Pass)], vec![]);
        let new = bundle(vec![member("a", Verdict::Fail)], vec![]);
        let d = diff(&old, &new);
        assert_eq!(d.count(ChangeKind::StatusChanged), 1);
        assert_eq!(d.criteria[0].new_status.as_deref(), Some("not effective"));
        assert!(d
            .text()
            .contains("## CC6.1 logical access: effective -> not effective"));
        let same = diff(&old, &old);
        assert!(same.is_empty());
        assert!(same.text().contains("No change"));
    }
}
