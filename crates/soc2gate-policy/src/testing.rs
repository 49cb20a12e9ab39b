//! Runs `test_*` rules of `*_test.rego` files, like `opa test` (which regorus lacks).

use std::time::{Duration, Instant};

use regorus::{Engine, Value as RegoValue};

use crate::metadata::package_of;
use crate::{PolicyError, PolicyKind, PolicySet, PolicySource};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    /// The test rule was false or undefined.
    Fail,
    /// Evaluation failed (a builtin error, a conflict).
    Error(String),
}

/// One `test_*` rule and how it went.
#[derive(Debug, Clone)]
pub struct TestCase {
    pub file: String,
    pub package: String,
    pub name: String,
    pub line: usize,
    pub outcome: Outcome,
    pub duration: Duration,
}

/// The `test_*` rule heads of a file with their 1-based lines, first definition only.
/// Rule heads start at column 0 in every formatted policy, which is what this relies on.
fn test_rules(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with("test_") {
            continue;
        }
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, i + 1));
        }
    }
    out
}

/// Compiles all sources (rules, libraries and tests) and runs every test whose
/// `package.name` contains `filter` (all when `None`). Policy errors stop the run: a test
/// suite over policies that do not compile proves nothing.
pub fn run_tests(
    sources: &[PolicySource],
    filter: Option<&str>,
) -> Result<Vec<TestCase>, Vec<PolicyError>> {
    // Loading through PolicySet validates metadata and provides parameter defaults.
    let set = PolicySet::load(sources, &Default::default())?;
    let mut engine: Engine = set.template_engine();
    let mut errors = Vec::new();
    let mut tests = Vec::new();
    for src in sources.iter().filter(|s| s.kind() == PolicyKind::Test) {
        if let Err(e) = engine.add_policy(src.path.clone(), src.text.clone()) {
            errors.push(PolicyError::new(&src.path, 0, e.to_string()));
            continue;
        }
        let Some((package, _)) = package_of(&src.text) else {
            errors.push(PolicyError::new(&src.path, 1, "no `package` declaration"));
            continue;
        };
        for (name, line) in test_rules(&src.text) {
            tests.push((src.path.clone(), package.clone(), name, line));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    engine.set_input(RegoValue::new_object());
    let mut results = Vec::new();
    for (file, package, name, line) in tests {
        let full = format!("{package}.{name}");
        if filter.is_some_and(|f| !full.contains(f)) {
            continue;
        }
        let start = Instant::now();
        let outcome = match engine.eval_rule(format!("data.{full}")) {
            Ok(RegoValue::Bool(true)) => Outcome::Pass,
            Ok(_) => Outcome::Fail,
            Err(e) => Outcome::Error(e.to_string()),
        };
        results.push(TestCase {
            file,
            package,
            name,
            line,
            outcome,
            duration: start.elapsed(),
        });
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_test_rule_heads_once() {
        let text = "package x_test\n\ntest_a if {\n  true\n}\n\ntest_a if false\nnot_test_b := 1\n test_indented := 1\ntest_c := true\n";
        assert_eq!(
            test_rules(text),
            vec![("test_a".to_string(), 3), ("test_c".to_string(), 10)]
        );
    }

    #[test]
    fn runs_passing_failing_and_erroring_tests() {
        let sources = vec![
            PolicySource::new("lib/util.rego", "package soc2gate.lib.util\n\ndouble(x) := x * 2\n"),
            PolicySource::new(
                "lib/util_test.rego",
                "package soc2gate.lib.util_test\n\nimport data.soc2gate.lib.util\n\ntest_pass if util.double(2) == 4\n\ntest_fail if util.double(2) == 5\n\ntest_input if input.x == 1 with input as {\"x\": 1}\n\ntest_error if to_number(\"x\") == 1\n",
            ),
        ];
        let results = run_tests(&sources, None).unwrap();
        let outcome = |n: &str| {
            results
                .iter()
                .find(|t| t.name == n)
                .map(|t| t.outcome.clone())
                .unwrap()
        };
        assert_eq!(outcome("test_pass"), Outcome::Pass);
        assert_eq!(outcome("test_fail"), Outcome::Fail);
        assert_eq!(outcome("test_input"), Outcome::Pass);
        assert!(matches!(
            outcome("test_error"),
            Outcome::Error(_) | Outcome::Fail
        ));

        let only = run_tests(&sources, Some("test_pass")).unwrap();
        assert_eq!(only.len(), 1);
    }

    #[test]
    fn a_test_file_that_does_not_compile_is_an_error() {
        let sources = vec![PolicySource::new(
            "lib/x_test.rego",
            "package x_test\n\ntest_a if {\n",
        )];
        let errs = run_tests(&sources, None).unwrap_err();
        assert_eq!(errs[0].file, "lib/x_test.rego");
    }
}
