//! The built-in rule registry: every policy under `policies/` (libraries under
//! `policies/lib/` are not rules) has complete, valid METADATA, a unique id, an id and a
//! package that follow from its path, Rego unit tests beside it, and a failing and a
//! passing fixture its documentation can show. The fixtures themselves are checked by the
//! `fixtures` test of the soc2gate crate.
//!
//! Every failure names the file and says what to change.

use std::collections::BTreeMap;

use soc2gate_model::{criterion_list, is_criterion};
use soc2gate_policy::{builtin_examples, builtin_sources, parse_rule, PolicyKind, PolicySource};

/// `policies/aws/rds/backup_retention.rego` -> `["aws", "rds", "backup_retention"]`.
fn components(path: &str) -> Vec<&str> {
    path.strip_prefix("policies/")
        .unwrap_or(path)
        .trim_end_matches(".rego")
        .split('/')
        .collect()
}

/// The package a policy at `path` must declare: `soc2gate.aws.rds.backup_retention`.
fn expected_package(path: &str) -> String {
    format!("soc2gate.{}", components(path).join("."))
}

/// The id a policy at `path` must have: `aws-rds-backup-retention`.
fn expected_id(path: &str) -> String {
    components(path).join("-").replace('_', "-")
}

fn rules() -> Vec<PolicySource> {
    let rules: Vec<PolicySource> = builtin_sources()
        .into_iter()
        .filter(|s| s.kind() == PolicyKind::Rule)
        .collect();
    assert!(!rules.is_empty(), "no built-in rules under policies/");
    rules
}

fn assert_no_problems(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problem(s) in the built-in rules:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn derivation_from_the_path() {
    let path = "policies/aws/rds/backup_retention.rego";
    assert_eq!(expected_package(path), "soc2gate.aws.rds.backup_retention");
    assert_eq!(expected_id(path), "aws-rds-backup-retention");
    assert_eq!(
        expected_id("policies/github/default_branch_protected.rego"),
        "github-default-branch-protected"
    );
}

#[test]
fn metadata_is_complete_and_valid() {
    let mut problems = Vec::new();
    for src in rules() {
        let path = &src.path;
        let meta = match parse_rule(path, &src.text) {
            Ok(m) => m,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        let mut problem = |what: String| problems.push(format!("{path}: {what}"));
        for (field, value) in [
            ("title", &meta.title),
            ("description", &meta.description),
            ("custom.remediation", &meta.remediation),
        ] {
            if value.trim().is_empty() {
                problem(format!(
                    "METADATA `{field}` is empty: write it (see CONTRIBUTING.md)"
                ));
            }
        }
        if meta.resource_types.is_empty() {
            problem("METADATA `custom.resource_types` is empty: list every resource type the rule reads or blames".into());
        }
        if meta.controls.is_empty() {
            problem("METADATA `custom.controls` is empty: name the SOC 2 criteria the rule gives evidence for".into());
        }
        for c in &meta.controls {
            if !is_criterion(c) {
                problem(format!(
                    "METADATA `custom.controls` names `{c}`, which is not a Trust Services Criteria id; use one of {}",
                    criterion_list()
                ));
            }
        }
        // The severity is parsed into the four known ones by `parse_rule`; an unknown one
        // is already a problem above.
    }
    assert_no_problems(problems);
}

#[test]
fn ids_are_unique() {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut problems = Vec::new();
    for src in rules() {
        let Ok(meta) = parse_rule(&src.path, &src.text) else {
            continue;
        };
        if let Some(first) = seen.insert(meta.id.clone(), src.path.clone()) {
            problems.push(format!(
                "{}: rule id `{}` is already used by {first}: give one of them another id (and move it to the matching path)",
                src.path, meta.id
            ));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn id_and_package_follow_from_the_path() {
    let mut problems = Vec::new();
    for src in rules() {
        let path = &src.path;
        let Ok(meta) = parse_rule(path, &src.text) else {
            continue;
        };
        let package = expected_package(path);
        if meta.package != package {
            problems.push(format!(
                "{path}: declares `package {}`; a policy at this path declares `package {package}` (or move the file to match its package)",
                meta.package
            ));
        }
        let id = expected_id(path);
        if meta.id != id {
            problems.push(format!(
                "{path}: has id `{}`; a policy at this path has id `{id}` (the path below policies/ joined with `-`, `_` as `-`): change `custom.id`, or move the file to match the id",
                meta.id
            ));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn every_rule_has_rego_unit_tests_beside_it() {
    let sources = builtin_sources();
    let by_path: BTreeMap<&str, &str> = sources
        .iter()
        .map(|s| (s.path.as_str(), s.text.as_str()))
        .collect();
    let mut problems = Vec::new();
    for src in rules() {
        let path = &src.path;
        let test_path = path.replace(".rego", "_test.rego");
        let Some(test) = by_path.get(test_path.as_str()) else {
            problems.push(format!(
                "{path}: no unit tests: add {test_path} with `test_*` rules (see CONTRIBUTING.md)"
            ));
            continue;
        };
        if !test.lines().any(|l| l.starts_with("test_")) {
            problems.push(format!(
                "{test_path}: defines no `test_*` rule: add at least one, e.g. `test_<what>_fails if {{ ... }}`"
            ));
        }
        let package = format!("{}_test", expected_package(path));
        if !test
            .lines()
            .any(|l| l.trim() == format!("package {package}"))
        {
            problems.push(format!(
                "{test_path}: declare `package {package}`, the policy's package with `_test`"
            ));
        }
    }
    assert_no_problems(problems);
}

#[test]
fn every_rule_documents_a_failing_and_a_passing_example() {
    let mut problems = Vec::new();
    for src in rules() {
        let Ok(meta) = parse_rule(&src.path, &src.text) else {
            continue;
        };
        let id = &meta.id;
        let examples = builtin_examples(id);
        if examples.failing.is_none() {
            problems.push(format!(
                "{}: no failing example for its docs: add a fixture testdata/rules/{id}/<what>.tf that expects it (`# expect: {id}`), or mark one with `# soc2gate-doc: failing example`",
                src.path
            ));
        }
        if examples.passing.is_none() {
            problems.push(format!(
                "{}: no passing example for its docs: add a clean fixture testdata/rules/{id}/<what>.tf not named unknown_* (`# soc2gate-test: no findings`), or mark one with `# soc2gate-doc: passing example`",
                src.path
            ));
        }
    }
    assert_no_problems(problems);
}
