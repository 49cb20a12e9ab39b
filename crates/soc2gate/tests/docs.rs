//! The rule documentation as users meet it: `docs` (and its drift check over the
//! repository's own docs/), `explain`, and `rules --control` / `--format markdown`.

mod common;

use common::{run, soc2gate, soc2gate_in, write};
use predicates::prelude::*;

#[test]
fn the_repository_docs_are_up_to_date() {
    let (code, out, err) = run(soc2gate().args(["docs", "--check"]));
    assert_eq!(
        code, 0,
        "docs/ differs from the rules; run `cargo run -- docs` and commit the result:\n{err}{out}"
    );
}

#[test]
fn docs_check_lists_what_differs_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let out_arg = out.to_str().unwrap();
    let (code, _, err) = run(soc2gate().args(["docs", "--check", "--out", out_arg]));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("rules.md: missing"), "{err}");
    assert!(err.contains("aws-lb-modern-tls.md: missing"), "{err}");
    assert!(
        err.contains(&format!("regenerate with `soc2gate docs --out {out_arg}`")),
        "{err}"
    );
    assert!(!out.exists(), "--check wrote files");

    soc2gate().args(["docs", "--out", out_arg]).assert().code(0);
    soc2gate()
        .args(["docs", "--check", "--out", out_arg])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("is up to date"));

    // A generated page edited by hand, and the page of a removed rule.
    let page = out.join("rules/aws-lb-modern-tls.md");
    let edited = std::fs::read_to_string(&page).unwrap() + "\nedited by hand\n";
    std::fs::write(&page, edited).unwrap();
    write(
        &out,
        "rules/old-rule.md",
        "# A removed rule\n\n- **Id:** `old-rule`\n",
    );
    let (code, _, err) = run(soc2gate().args(["docs", "--check", "--out", out_arg]));
    assert_eq!(code, 1);
    assert!(
        err.contains("aws-lb-modern-tls.md: differs from the rules"),
        "{err}"
    );
    assert!(
        err.contains("old-rule.md: is the page of a rule that no longer exists"),
        "{err}"
    );
    assert!(
        err.contains("2 files of the rule documentation out of date"),
        "{err}"
    );
    soc2gate().args(["docs", "--out", out_arg]).assert().code(0);
    assert!(!out.join("rules/old-rule.md").exists());
}

/// In a user's repository, `soc2gate docs` neither overwrites their docs/rules.md nor
/// deletes their pages: without --out it refuses outright, and with it, it replaces only
/// files it generated.
#[test]
fn docs_never_overwrites_or_deletes_a_users_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "docs/rules.md", "# Team rules\n\nBe kind.\n");
    write(root, "docs/rules/oncall.md", "# On-call rules\n");
    let untouched = || {
        assert_eq!(
            std::fs::read_to_string(root.join("docs/rules.md")).unwrap(),
            "# Team rules\n\nBe kind.\n"
        );
        assert!(root.join("docs/rules/oncall.md").exists());
        assert!(!root.join("docs/rules/aws-s3-tls-only.md").exists());
    };

    soc2gate_in(root)
        .arg("docs")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "maintains the rule documentation of soc2gate's own repository",
        ))
        .stderr(predicate::str::contains("`soc2gate docs --out DIR`"));
    untouched();

    soc2gate_in(root)
        .args(["docs", "--out", "docs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "docs/rules.md: not a file `soc2gate docs` generated; not replacing it",
        ))
        .stderr(predicate::str::contains("nothing written to docs"));
    untouched();

    // A directory of its own: written, and a page of the user's there is left alone.
    write(root, "site/rules/oncall.md", "# On-call rules\n");
    soc2gate_in(root)
        .args(["docs", "--out", "site"])
        .assert()
        .code(0);
    assert!(root.join("site/rules/aws-s3-tls-only.md").exists());
    assert!(root.join("site/rules/oncall.md").exists());
    soc2gate_in(root)
        .args(["docs", "--check", "--out", "site"])
        .assert()
        .code(0);
}

#[test]
fn the_catalogue_links_every_rule_under_each_of_its_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path();
    soc2gate()
        .args(["docs", "--out", out.to_str().unwrap()])
        .assert()
        .code(0);
    let index = std::fs::read_to_string(out.join("rules.md")).unwrap();
    let link = "[`aws-iam-no-wildcard-admin`](rules/aws-iam-no-wildcard-admin.md)";
    assert_eq!(index.matches(link).count(), 2, "CC6.1 and CC6.3:\n{index}");
    let cc61 = index.find("## CC6.1:").unwrap();
    let cc63 = index.find("## CC6.3:").unwrap();
    assert!(cc61 < cc63);
}

#[test]
fn explain_prints_the_page_of_docs_with_examples() {
    let (code, page, err) = run(soc2gate().args(["explain", "aws-lb-modern-tls"]));
    assert_eq!(code, 0, "{err}");
    for part in [
        "# Load balancer TLS listeners require TLS 1.2 or newer\n",
        "- **Id:** `aws-lb-modern-tls`",
        "- **Severity:** high",
        "  - CC6.7: restricting and protecting information in transmission (encryption in transit)",
        "- **Resource types:** `aws_lb_listener`, `aws_alb_listener`",
        "  - `min_tls_version = \"1.2\"`",
        "- **Policy:** `policies/aws/lb/modern_tls.rego`",
        "## What it checks",
        "## How to fix",
        "## Failing example\n\nFrom `testdata/rules/aws-lb-modern-tls/",
        "# <- finding",
        "## Passing example",
    ] {
        assert!(page.contains(part), "missing {part:?}:\n{page}");
    }
    assert!(!page.contains("soc2gate-test:") && !page.contains("expect:"));
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules/aws-lb-modern-tls.md"),
    )
    .unwrap();
    assert_eq!(page, committed);
}

#[test]
fn explain_a_rule_of_your_own_has_no_examples() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "mine/named.rego",
        r#"# METADATA
# title: Buckets are named
# description: Every bucket sets `bucket`.
# custom:
#   id: acme-bucket-named
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_s3_bucket]
#   remediation: Name it.
package acme.named

deny contains v if {
	some b in input.resources.aws_s3_bucket
	not b.values.bucket
	v := {"resource": b.address, "attribute": "", "message": "unnamed"}
}
"#,
    );
    let (code, page, err) =
        run(soc2gate_in(dir.path()).args(["explain", "acme-bucket-named", "--policy-dir", "mine"]));
    assert_eq!(code, 0, "{err}");
    assert!(page.starts_with("# Buckets are named\n"), "{page}");
    assert!(page.contains("- **Policy:** `mine/named.rego`"), "{page}");
    assert!(!page.contains("example"), "{page}");
}

#[test]
fn rules_control_lists_the_rules_of_one_criterion() {
    let (code, out, _) = run(soc2gate().args(["rules", "--control", "cc6.7"]));
    assert_eq!(code, 0);
    assert!(out.contains("aws-lb-modern-tls"), "{out}");
    assert!(!out.contains("github-branch-protection-reviews"), "{out}");
    assert!(!out.contains("invalid-exception"), "{out}");
    assert!(out.contains("rules serve CC6.7: restricting"), "{out}");

    let (code, out, err) = run(soc2gate().args(["rules", "--control", "CC9.9"]));
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown SOC 2 criterion `CC9.9`; known: CC1.1, CC1.2,"),
        "{err}"
    );
    assert!(err.contains("CC6.7") && err.contains("P1.1"), "{err}");
}

#[test]
fn rules_markdown_is_the_catalogue() {
    let (code, out, _) = run(soc2gate().args(["rules", "--format", "markdown"]));
    assert_eq!(code, 0);
    assert!(out.starts_with("## CC6.1: "), "{out}");
    assert!(
        out.contains("| `aws-lb-modern-tls` | high | CC6.7 | "),
        "{out}"
    );
    assert!(out.contains("## CC8.1: "), "{out}");

    let (code, out, _) = run(soc2gate().args(["rules", "-f", "markdown", "--control", "CC6.7"]));
    assert_eq!(code, 0);
    assert_eq!(out.matches("## ").count(), 1, "{out}");
    assert!(out.contains("`aws-s3-tls-only`"), "{out}");
}

#[test]
fn help_says_what_each_command_does_with_an_example() {
    for (args, says) in [
        (vec!["rules", "--help"], "soc2gate rules --control CC6.7"),
        (vec!["rules", "--help"], "soc2gate rules --format markdown"),
        (
            vec!["explain", "--help"],
            "soc2gate explain aws-s3-tls-only",
        ),
        (vec!["docs", "--help"], "soc2gate docs --check"),
        (vec!["--help"], "soc2gate docs"),
    ] {
        soc2gate()
            .args(&args)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(says));
    }
}
