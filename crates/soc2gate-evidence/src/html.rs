//! `evidence.html`: one self-contained page (no script, no network, no external asset)
//! that reads on screen and prints to PDF: the run and the control matrix on the first
//! page, then a section per criterion with its population, the exceptions register and
//! the scope limitations.

use std::fmt::Write;

use crate::{Bundle, Criterion, Member};

const STYLE: &str = r#"
:root { --ink:#1c2430; --muted:#5b6675; --line:#d9dee5; --soft:#f4f6f9;
  --pass:#1f7a4d; --pass-bg:#e3f4ea; --fail:#b42318; --fail-bg:#fde8e6;
  --exc:#8a5a00; --exc-bg:#fff3d6; --und:#5b4bb7; --und-bg:#ece9fb; --none:#5b6675; --none-bg:#eceff3; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 40px 48px; }
header.cover { border-bottom: 3px solid var(--ink); padding-bottom: 18px; margin-bottom: 22px; }
.eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 11px; color: var(--muted); margin: 0 0 6px; }
h1 { font-size: 28px; margin: 0 0 6px; letter-spacing: -.01em; }
h2 { font-size: 19px; margin: 34px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 22px 0 6px; }
p.lead { margin: 0; color: var(--muted); }
dl.meta { display: grid; grid-template-columns: 190px 1fr; gap: 4px 16px; margin: 16px 0 0; font-size: 13px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; word-break: break-all; }
code, .mono { font-family: "SFMono-Regular", Consolas, "Liberation Mono", Menlo, monospace; font-size: 12px; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin: 18px 0 6px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); }
.card b { display: block; font-size: 22px; }
.card span { color: var(--muted); font-size: 12px; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 4px; font-size: 13px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr { break-inside: avoid; }
.pill { display: inline-block; padding: 1px 9px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.s-effective, .v-pass { color: var(--pass); background: var(--pass-bg); }
.s-not-effective, .v-fail { color: var(--fail); background: var(--fail-bg); }
.s-effective-with-exceptions, .v-excepted, .x-expired { color: var(--exc); background: var(--exc-bg); }
.v-undetermined, .x-unused { color: var(--und); background: var(--und-bg); }
.s-not-tested { color: var(--none); background: var(--none-bg); }
.x-active { color: var(--pass); background: var(--pass-bg); }
.result-pass { color: var(--pass); } .result-fail, .result-error { color: var(--fail); }
.detail { color: var(--muted); font-size: 12px; margin-top: 2px; }
.rule-head { display: flex; justify-content: space-between; gap: 12px; align-items: baseline; }
.rule-head .counts { color: var(--muted); font-size: 12px; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
ul.limits { padding-left: 18px; } ul.limits li { margin: 3px 0; }
a { color: inherit; text-decoration: none; border-bottom: 1px dotted var(--muted); }
header.cover { border-top: 6px solid var(--ink); padding-top: 14px; }
.untested { color: var(--muted); font-size: 12px; margin: 10px 0 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  main { max-width: none; padding: 0; }
  body { font-size: 11px; }
  h2 { break-after: avoid; }
  section.criterion { break-before: page; }
  .cards { grid-template-columns: repeat(5, 1fr); }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

/// Text for HTML: the five characters that matter escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A CSS class from a status or verdict: `not effective` -> `not-effective`.
fn slug(text: &str) -> String {
    text.replace(' ', "-")
}

fn pill(prefix: &str, text: &str) -> String {
    format!(
        r#"<span class="pill {prefix}-{}">{}</span>"#,
        slug(text),
        esc(text)
    )
}

fn meta(b: &Bundle) -> String {
    let mut rows: Vec<(&str, String)> = vec![
        ("Generated", esc(&b.generated_at)),
        ("Tool", esc(&format!("{} {}", b.tool.name, b.tool.version))),
        ("Scanned", esc(&b.run.paths.join(", "))),
        (
            "Gate result",
            format!(
                r#"<b class="result-{}">{}</b> (exit code {})"#,
                esc(&b.run.result),
                esc(&b.run.result),
                b.run.exit_code
            ),
        ),
    ];
    if let Some(g) = &b.run.git {
        rows.push(("Commit", format!("<code>{}</code>", esc(&g.commit))));
        if let Some(branch) = &g.branch {
            rows.push(("Branch", esc(branch)));
        }
        if let Some(remote) = &g.remote {
            rows.push(("Repository", esc(remote)));
        }
        rows.push((
            "Working tree",
            if g.dirty {
                "uncommitted changes present".into()
            } else {
                "clean".into()
            },
        ));
    }
    rows.push((
        "Scope",
        format!(
            "{} files, {} modules or settings files, {} resources, {} rules",
            b.run.files, b.run.units, b.run.resources, b.run.rules
        ),
    ));
    rows.push((
        "Policy set digest",
        format!("<code>{}</code>", esc(&b.run.policy_digest)),
    ));
    rows.push((
        "Configuration digest",
        format!("<code>{}</code>", esc(&b.run.config_digest)),
    ));
    let c = &b.run.config;
    rows.push((
        "Configuration",
        esc(&format!(
            "{}; fails on {} and above; inline exceptions {}{}",
            c.config_file.as_deref().unwrap_or("no soc2gate.toml"),
            c.fail_on,
            if c.inline_exceptions {
                "read"
            } else {
                "ignored"
            },
            c.baseline
                .as_deref()
                .map(|b| format!("; baseline {b}"))
                .unwrap_or_default()
        )),
    ));
    let mut out = String::from(r#"<dl class="meta">"#);
    for (k, v) in rows {
        let _ = write!(out, "<dt>{k}</dt><dd>{v}</dd>");
    }
    out + "</dl>"
}

fn cards(b: &Bundle) -> String {
    let count = |status: &str| b.criteria.iter().filter(|c| c.status == status).count();
    let mut out = String::from(r#"<div class="cards">"#);
    for (label, n) in [
        ("criteria tested", b.criteria.len() - count("not tested")),
        ("effective", count("effective")),
        ("with exceptions", count("effective with exceptions")),
        ("not effective", count("not effective")),
        ("not tested", count("not tested")),
    ] {
        let _ = write!(
            out,
            r#"<div class="card"><b>{n}</b><span>{label}</span></div>"#
        );
    }
    out + "</div>"
}

fn matrix(b: &Bundle) -> String {
    let mut out = String::from(
        r#"<table id="control-matrix"><thead><tr><th>Criterion</th><th>Meaning</th><th>Status</th><th class="num">Evaluated</th><th class="num">Passed</th><th class="num">Failed</th><th class="num">Excepted</th><th class="num">Undetermined</th></tr></thead><tbody>"#,
    );
    for c in &b.criteria {
        let s = &c.summary;
        let _ = write!(
            out,
            r##"<tr class="matrix-row" data-criterion="{id}"><td><a href="#c-{anchor}"><b>{id}</b></a></td><td>{meaning}</td><td>{status}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td></tr>"##,
            s.evaluated,
            s.passed,
            s.failed,
            s.excepted,
            s.undetermined,
            id = esc(&c.id),
            anchor = slug(&c.id),
            meaning = esc(&c.meaning),
            status = pill("s", &c.status),
        );
    }
    out + "</tbody></table>"
}

fn details(m: &Member) -> String {
    let mut out = String::new();
    for d in &m.details {
        let exception = d
            .exception
            .as_deref()
            .map(|e| format!(" (exception {})", esc(e)))
            .unwrap_or_default();
        let _ = write!(
            out,
            r#"<div class="detail">{}:{}: {}{exception}</div>"#,
            esc(&d.file),
            d.line,
            esc(&d.message)
        );
    }
    out
}

fn criterion(c: &Criterion) -> String {
    let mut out = format!(
        r#"<section class="criterion" id="c-{}"><h2>{} {} &nbsp;{}</h2>"#,
        slug(&c.id),
        esc(&c.id),
        esc(&c.meaning),
        pill("s", &c.status)
    );
    if c.rules.is_empty() {
        return out + r#"<p class="empty">No rule of this scan tests it.</p></section>"#;
    }
    let (tested, untested): (Vec<_>, Vec<_>) =
        c.rules.iter().partition(|r| !r.population.is_empty());
    for r in tested {
        let s = &r.summary;
        let _ = write!(
            out,
            r#"<div class="rule-head"><h3>{} <span class="mono">{}</span></h3><span class="counts">{} evaluated · {} passed · {} failed · {} excepted · {} undetermined</span></div>"#,
            esc(&r.title),
            esc(&r.id),
            s.evaluated,
            s.passed,
            s.failed,
            s.excepted,
            s.undetermined
        );
        if !r.reports_undetermined {
            out += r#"<p class="detail">This rule does not report what it could not judge: its passes may include resources it could not judge.</p>"#;
        }
        out += r#"<table class="population"><thead><tr><th>Resource</th><th>Declared at</th><th>Verdict</th></tr></thead><tbody>"#;
        for m in &r.population {
            let via = if m.via.is_empty() {
                String::new()
            } else {
                format!(
                    r#"<div class="detail">via {}</div>"#,
                    esc(&m.via.join(" → "))
                )
            };
            let _ = write!(
                out,
                r#"<tr><td><span class="mono">{}</span>{via}{}</td><td class="mono">{}:{}</td><td>{}</td></tr>"#,
                esc(&m.resource),
                details(m),
                esc(&m.file),
                m.line,
                pill("v", m.verdict.as_str())
            );
        }
        out += "</tbody></table>";
    }
    if !untested.is_empty() {
        let ids: Vec<String> = untested
            .iter()
            .map(|r| format!(r#"<span class="mono">{}</span>"#, esc(&r.id)))
            .collect();
        let _ = write!(
            out,
            r#"<p class="untested">Also serving {}, with no resource of their types in this scan: {}.</p>"#,
            esc(&c.id),
            ids.join(", ")
        );
    }
    out + "</section>"
}

fn register(b: &Bundle) -> String {
    let mut out = String::from(r#"<section id="exceptions"><h2>Exceptions register</h2>"#);
    if b.exceptions.is_empty() {
        return out + r#"<p class="empty">No exception is written.</p></section>"#;
    }
    out += r#"<table id="exceptions-register"><thead><tr><th>ID</th><th>Rule</th><th>Resource</th><th>Reason</th><th>Expires</th><th class="num">Days left</th><th>Status</th><th>Written at</th><th>Last changed by</th></tr></thead><tbody>"#;
    for e in &b.exceptions {
        let blame = e
            .blame
            .as_ref()
            .map(|b| {
                format!(
                    r#"{}<div class="detail mono">{}{}</div>"#,
                    esc(&b.author),
                    esc(&b.commit[..b.commit.len().min(12)]),
                    b.date
                        .as_deref()
                        .map(|d| format!(", {}", esc(d)))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_else(|| "–".into());
        let _ = write!(
            out,
            r#"<tr class="exception-row" data-exception="{id}"><td>{id}</td><td class="mono">{}</td><td class="mono">{}</td><td>{}</td><td>{}</td><td class="num">{}</td><td>{}</td><td class="mono">{} ({}:{})</td><td>{blame}</td></tr>"#,
            esc(&e.rule),
            esc(&e.resource),
            esc(&e.reason),
            esc(e.expires.as_deref().unwrap_or("never")),
            e.days_left.map_or("–".to_string(), |d| d.to_string()),
            pill("x", &e.status),
            esc(&e.source),
            esc(&e.file),
            e.line,
            id = esc(&e.id),
        );
    }
    out + "</tbody></table></section>"
}

fn limitations(b: &Bundle) -> String {
    let mut out = String::from(
        r#"<section id="scope"><h2>Scope limitations</h2><p class="lead">What this evidence does not cover.</p>"#,
    );
    if b.scope_limitations.is_empty() {
        return out
            + r#"<p class="empty">None: every file was read and every module call expanded.</p></section>"#;
    }
    out += r#"<ul class="limits">"#;
    for l in &b.scope_limitations {
        let place = match (&l.file, l.line) {
            (Some(f), Some(n)) => format!("<span class=\"mono\">{}:{n}</span> ", esc(f)),
            (Some(f), None) => format!("<span class=\"mono\">{}</span> ", esc(f)),
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<li><b>{}</b>: {place}{}</li>",
            esc(&l.kind),
            esc(&l.message)
        );
    }
    out + "</ul></section>"
}

pub(crate) fn render(b: &Bundle) -> String {
    let undetermined: usize = b.criteria.iter().map(|c| c.summary.undetermined).sum();
    // "." says little on a cover page: name the repository when git knows it.
    let subject = match (b.run.paths.as_slice(), &b.run.git) {
        ([only], Some(g)) if only == "." => g
            .remote
            .as_deref()
            .map(|r| {
                r.trim_end_matches(".git")
                    .rsplit(['/', ':'])
                    .next()
                    .unwrap_or(r)
                    .to_string()
            })
            .unwrap_or_else(|| "the repository".into()),
        ([only], None) if only == "." => "the working directory".into(),
        (paths, _) => paths.join(", "),
    };
    let mut out = format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{tool} {version}">
<title>SOC 2 control evidence · {paths} · {generated}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<header class="cover">
<p class="eyebrow">SOC 2 · Trust Services Criteria · control evidence</p>
<h1>Control evidence for {subject}</h1>
<p class="lead">Every rule, every resource it evaluated and its verdict, generated from the infrastructure code by {tool} on {generated}.</p>
{meta}
</header>
<section id="matrix">
<h2>Control matrix</h2>
{cards}
{matrix}
<p class="detail">Status: <b>effective</b> when every evaluated resource passed; <b>effective with exceptions</b> when the only violations are covered by documented exceptions; <b>not effective</b> when a violation is not; <b>not tested</b> when the scan holds no resource of its rules, or none a rule could judge. Undetermined ({undetermined} here): a value the rule needs cannot be known statically, so the resource was neither passed nor failed.</p>
</section>
"#,
        tool = esc(&b.tool.name),
        version = esc(&b.tool.version),
        paths = esc(&b.run.paths.join(", ")),
        subject = esc(&subject),
        generated = esc(&b.generated_at),
        meta = meta(b),
        cards = cards(b),
        matrix = matrix(b),
    );
    out += &register(b);
    out += &limitations(b);
    for c in &b.criteria {
        out += &criterion(c);
    }
    let _ = write!(
        out,
        "<footer>evidence.json schema version {} · the digests of this bundle's files are in manifest.json</footer>\n</main>\n</body>\n</html>\n",
        b.schema_version
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
        assert_eq!(slug("not effective"), "not-effective");
    }
}
