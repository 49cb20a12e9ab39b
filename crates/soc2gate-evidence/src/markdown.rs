//! `evidence.md`: the bundle for people and pull requests. The control matrix first, then
//! failures, exceptions, what could not be judged, and what was not looked at.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::{Bundle, Member, RuleEvidence, Verdict};

/// A table cell: no line breaks, pipes escaped.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// `file:line`.
fn at(file: &str, line: usize) -> String {
    format!("{file}:{line}")
}

/// The members of every rule with `verdict`, each (rule, resource) once even when the rule
/// serves several criteria.
fn with_verdict(b: &Bundle, verdict: Verdict) -> Vec<(&RuleEvidence, &Member)> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for c in &b.criteria {
        for r in &c.rules {
            for m in r.population.iter().filter(|m| m.verdict == verdict) {
                if seen.insert((&r.id, &m.resource, &m.file, &m.via)) {
                    out.push((r, m));
                }
            }
        }
    }
    out.sort_by(|a, b| (&a.1.file, a.1.line, &a.0.id).cmp(&(&b.1.file, b.1.line, &b.0.id)));
    out
}

/// The run in one paragraph: when, with what, of which commit, and the outcome.
pub(crate) fn run_line(b: &Bundle) -> String {
    let mut s = format!(
        "Generated {} by {} {}",
        b.generated_at, b.tool.name, b.tool.version
    );
    if let Some(g) = &b.run.git {
        let _ = write!(s, " from commit `{}`", g.commit);
        if let Some(branch) = &g.branch {
            let _ = write!(s, " on `{branch}`");
        }
        if let Some(remote) = &g.remote {
            let _ = write!(s, " of {remote}");
        }
        if g.dirty {
            s += " (with uncommitted changes)";
        }
    }
    let _ = write!(
        s,
        ". Scanned {} ({} files, {} modules or settings files, {} resources) with {} rules; gate result: **{}** (exit code {}).",
        b.run.paths.join(", "),
        b.run.files,
        b.run.units,
        b.run.resources,
        b.run.rules,
        b.run.result,
        b.run.exit_code
    );
    s
}

pub(crate) fn render(b: &Bundle) -> String {
    let mut out = String::from("# SOC 2 control evidence\n\n");
    out += &run_line(b);
    out += "\n\n## Control matrix\n\n";
    out += "| Criterion | Meaning | Status | Evaluated | Passed | Failed | Excepted | Undetermined |\n";
    out += "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n";
    for c in &b.criteria {
        let s = &c.summary;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            c.id,
            cell(&c.meaning),
            c.status,
            s.evaluated,
            s.passed,
            s.failed,
            s.excepted,
            s.undetermined
        );
    }

    out += "\n## Failures\n\n";
    let failures = with_verdict(b, Verdict::Fail);
    if failures.is_empty() {
        out += "None.\n";
    } else {
        out += "| Rule | Severity | Criteria | Resource | Location | Finding |\n| --- | --- | --- | --- | --- | --- |\n";
        for (r, m) in failures {
            for d in m.details.iter().filter(|d| d.exception.is_none()) {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | `{}` | {} | {} |",
                    r.id,
                    r.severity,
                    r.criteria.join(", "),
                    m.resource,
                    at(&d.file, d.line),
                    cell(&d.message)
                );
            }
        }
    }

    out += "\n## Exceptions\n\n";
    if b.exceptions.is_empty() {
        out += "None.\n";
    } else {
        out += "| ID | Rule | Resource | Reason | Expires | Days left | Status | Written at | Last changed |\n| --- | --- | --- | --- | --- | ---: | --- | --- | --- |\n";
        for e in &b.exceptions {
            let blame = e
                .blame
                .as_ref()
                .map(|b| format!("{} ({})", b.author, &b.commit[..b.commit.len().min(12)]))
                .unwrap_or_else(|| "-".into());
            let _ = writeln!(
                out,
                "| {} | {} | `{}` | {} | {} | {} | {} | {} | {} |",
                e.id,
                e.rule,
                e.resource,
                cell(&e.reason),
                e.expires.as_deref().unwrap_or("never"),
                e.days_left.map_or("-".to_string(), |d| d.to_string()),
                e.status,
                at(&e.file, e.line),
                cell(&blame)
            );
        }
    }

    out += "\n## Undetermined\n\nResources a rule could not judge because a value it needs cannot be known statically (a variable without a default, a computed attribute). Scanning a plan (`terraform show -json`) makes most of them known.\n\n";
    let undetermined = with_verdict(b, Verdict::Undetermined);
    if undetermined.is_empty() {
        out += "None.\n";
    } else {
        out += "| Rule | Resource | Location | What could not be judged |\n| --- | --- | --- | --- |\n";
        for (r, m) in undetermined {
            for d in &m.details {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | {} | {} |",
                    r.id,
                    m.resource,
                    at(&d.file, d.line),
                    cell(&d.message)
                );
            }
        }
    }

    out += "\n## Scope limitations\n\nWhat this evidence does not cover.\n\n";
    if b.scope_limitations.is_empty() {
        out += "None: every file was read and every module call expanded.\n";
    } else {
        for l in &b.scope_limitations {
            let place = match (&l.file, l.line) {
                (Some(f), Some(n)) => format!("{f}:{n}: "),
                (Some(f), None) => format!("{f}: "),
                _ => String::new(),
            };
            let _ = writeln!(out, "- {}: {place}{}", l.kind, l.message.replace('\n', " "));
        }
    }

    out += "\n## Run\n\n";
    let c = &b.run.config;
    let _ = writeln!(out, "- policy set: `{}`", b.run.policy_digest);
    let _ = writeln!(out, "- effective configuration: `{}`", b.run.config_digest);
    let _ = writeln!(
        out,
        "- config file: {}",
        c.config_file.as_deref().unwrap_or("none")
    );
    let _ = writeln!(out, "- fails on: {} and above", c.fail_on);
    let _ = writeln!(
        out,
        "- inline exceptions: {}",
        if c.inline_exceptions {
            "read"
        } else {
            "ignored"
        }
    );
    if let Some(baseline) = &c.baseline {
        let _ = writeln!(out, "- baseline: {baseline}");
    }
    if !c.disabled_rules.is_empty() {
        let _ = writeln!(out, "- disabled rules: {}", c.disabled_rules.join(", "));
    }
    let _ = writeln!(
        out,
        "- format: evidence.json schema version {}",
        b.schema_version
    );
    out
}
