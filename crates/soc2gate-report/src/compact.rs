//! The compact format: one line per finding, `file:line:col: severity rule-id message`,
//! for terminals, editors (the `file:line:col` jumps) and grep, like ruff's `concise` and
//! eslint's `compact`. Suppressed findings are left out; files that failed to load are
//! `error load-error` lines and module calls that were not expanded
//! `warning module-not-expanded` lines, so that nothing the scan could not check is silent.

use std::fmt::Write as _;

use soc2gate_model::Location;

use crate::Report;

pub(crate) fn render(report: &Report) -> String {
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppression.is_none()) {
        line(
            &mut out,
            &f.location,
            f.severity.as_str(),
            &f.rule_id,
            &f.message,
        );
    }
    for e in report.load_errors {
        line(&mut out, &e.location, "error", "load-error", &e.message);
    }
    for u in report.unexpanded {
        let message = format!("{}; the resources it creates were not checked", u.message());
        line(
            &mut out,
            &u.location,
            "warning",
            "module-not-expanded",
            &message,
        );
    }
    out
}

fn line(out: &mut String, at: &Location, severity: &str, id: &str, message: &str) {
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(
        out,
        "{}:{}:{}: {severity} {id} {message}",
        at.file,
        at.start.line.max(1),
        at.start.column.max(1)
    );
}
