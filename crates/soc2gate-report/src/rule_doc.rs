//! A rule's documentation as Markdown, built from its metadata and examples only. The
//! same text is `docs/rules/<id>.md`, the output of `soc2gate explain` and the SARIF
//! `help.markdown`, so what a reader sees never depends on where they look.
//!
//! Also the catalogue: the rules grouped by Trust Services Criterion.

use std::fmt::Write as _;

use soc2gate_model::{criterion_meaning, RuleExample, RuleMeta, CRITERIA};

/// The documentation page of one rule. It has no links, so it reads the same in a
/// terminal, in a SARIF viewer and on disk.
pub fn rule_page(rule: &RuleMeta) -> String {
    let mut out = format!("# {}\n\n", rule.title.trim());
    let _ = writeln!(out, "- **Id:** `{}`", rule.id);
    let _ = writeln!(out, "- **Severity:** {}", rule.severity);
    if rule.controls.is_empty() {
        out += "- **SOC 2 criteria:** none\n";
    } else {
        out += "- **SOC 2 criteria:**\n";
        for c in &rule.controls {
            match criterion_meaning(c) {
                Some(meaning) => {
                    let _ = writeln!(out, "  - {c}: {meaning}");
                }
                None => {
                    let _ = writeln!(out, "  - {c}");
                }
            }
        }
    }
    if !rule.resource_types.is_empty() {
        let _ = writeln!(
            out,
            "- **Resource types:** {}",
            code_list(&rule.resource_types)
        );
    }
    if let Some(params) = rule.params.as_object().filter(|p| !p.is_empty()) {
        let _ = writeln!(
            out,
            "- **Parameters** (override them under `[rules.{}]` in `soc2gate.toml`):",
            rule.id
        );
        for (name, default) in params {
            let _ = writeln!(out, "  - `{name} = {default}`");
        }
    }
    let policy = if rule.source.ends_with(".rego") {
        format!("`{}`", rule.source)
    } else {
        rule.source.clone()
    };
    let _ = writeln!(out, "- **Policy:** {policy}");
    let _ = write!(
        out,
        "\n## What it checks\n\n{}\n\n## How to fix\n\n{}\n",
        rule.description.trim(),
        rule.remediation.trim()
    );
    for (heading, example) in [
        ("Failing example", &rule.examples.failing),
        ("Passing example", &rule.examples.passing),
    ] {
        if let Some(e) = example {
            out += &format!("\n## {heading}\n\n");
            out += &example_block(e);
        }
    }
    out
}

/// `From <file>:` and the fixture in a fenced block.
fn example_block(example: &RuleExample) -> String {
    let language = if example.file.ends_with(".tf") {
        "hcl"
    } else if example.file.ends_with(".yml") || example.file.ends_with(".yaml") {
        "yaml"
    } else {
        ""
    };
    let fence = fence_for(&example.text);
    let code = example.text.trim_end_matches('\n');
    format!(
        "From `{}`:\n\n{fence}{language}\n{code}\n{fence}\n",
        example.file
    )
}

/// A backtick fence longer than any run of backticks in `text`, so the text cannot end it.
fn fence_for(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

fn code_list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The catalogue: a section per Trust Services Criterion that some rule serves, in the
/// order of the standard, with a table of its rules by id; a rule appears under each
/// criterion it serves, and rules without a criterion come last. With `control`, only that
/// criterion's section. With `page_dir`, each id links to `<page_dir>/<id>.md`.
pub fn catalogue(rules: &[RuleMeta], control: Option<&str>, page_dir: Option<&str>) -> String {
    let mut sorted: Vec<&RuleMeta> = rules.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut sections: Vec<(String, Vec<&RuleMeta>)> = CRITERIA
        .iter()
        .filter(|(id, _)| control.is_none_or(|c| c == *id))
        .map(|(id, meaning)| {
            let serving = sorted
                .iter()
                .copied()
                .filter(|r| r.controls.iter().any(|c| c == id))
                .collect();
            (format!("{id}: {meaning}"), serving)
        })
        .collect();
    // Metadata validation rejects unknown criteria, so the rules left are those with none
    // (soc2gate's own).
    if control.is_none() {
        sections.push((
            "No criterion".to_string(),
            sorted
                .iter()
                .copied()
                .filter(|r| r.controls.is_empty())
                .collect(),
        ));
    }
    let mut out = String::new();
    for (heading, serving) in sections.iter().filter(|(_, rs)| !rs.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        let _ = writeln!(out, "## {heading}\n");
        out += "| rule | severity | criteria | title |\n| --- | --- | --- | --- |\n";
        for r in serving {
            let id = match page_dir {
                Some(dir) => format!("[`{0}`]({dir}/{0}.md)", r.id),
                None => format!("`{}`", r.id),
            };
            let _ = writeln!(
                out,
                "| {id} | {} | {} | {} |",
                r.severity,
                if r.controls.is_empty() {
                    "-".to_string()
                } else {
                    r.controls.join(", ")
                },
                r.title.trim().replace('|', "\\|")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use soc2gate_model::{RuleExamples, Severity};

    fn rule(id: &str, controls: &[&str]) -> RuleMeta {
        RuleMeta {
            id: id.into(),
            title: format!("{id} is fine"),
            description: "What it checks.".into(),
            severity: Severity::High,
            controls: controls.iter().map(|c| c.to_string()).collect(),
            remediation: "Fix it.".into(),
            resource_types: vec!["aws_lb_listener".into()],
            scan_resource_types: Vec::new(),
            params: json!({"min_tls_version": "1.2"}),
            package: format!("soc2gate.{id}"),
            source: format!("policies/{id}.rego"),
            examples: RuleExamples {
                failing: Some(RuleExample {
                    file: "testdata/rules/x/bad.tf".into(),
                    text: "resource \"a\" \"b\" {} # <- finding\n".into(),
                }),
                passing: None,
            },
        }
    }

    #[test]
    fn a_page_has_every_part_in_order() {
        let page = rule_page(&rule("x", &["CC6.7", "C1.1"]));
        let expected = "# x is fine

- **Id:** `x`
- **Severity:** high
- **SOC 2 criteria:**
  - CC6.7: restricting and protecting information in transmission (encryption in transit)
  - C1.1: identifying and protecting confidential information
- **Resource types:** `aws_lb_listener`
- **Parameters** (override them under `[rules.x]` in `soc2gate.toml`):
  - `min_tls_version = \"1.2\"`
- **Policy:** `policies/x.rego`

## What it checks

What it checks.

## How to fix

Fix it.

## Failing example

From `testdata/rules/x/bad.tf`:

```hcl
resource \"a\" \"b\" {} # <- finding
```
";
        assert_eq!(page, expected);
    }

    #[test]
    fn fences_outlast_backticks_in_the_text() {
        assert_eq!(fence_for("no ticks"), "```");
        assert_eq!(fence_for("a ```` b"), "`````");
    }

    #[test]
    fn the_catalogue_lists_a_rule_under_each_criterion() {
        let rules = [
            rule("b", &["CC6.7", "CC6.1"]),
            rule("a", &["CC6.1"]),
            rule("own", &[]),
        ];
        let text = catalogue(&rules, None, Some("rules"));
        let cc61 = text.find("## CC6.1:").unwrap();
        let cc67 = text.find("## CC6.7:").unwrap();
        let none = text.find("## No criterion").unwrap();
        assert!(cc61 < cc67 && cc67 < none, "{text}");
        assert_eq!(text.matches("[`b`](rules/b.md)").count(), 2, "{text}");
        let a = text.find("[`a`]").unwrap();
        assert!(cc61 < a && a < text.find("[`b`]").unwrap());
        assert!(!catalogue(&rules, None, None).contains("]("));
        let only = catalogue(&rules, Some("CC6.7"), None);
        assert!(
            only.starts_with("## CC6.7:") && !only.contains("CC6.1:"),
            "{only}"
        );
        assert!(!text.contains("CC1.1"));
    }
}
