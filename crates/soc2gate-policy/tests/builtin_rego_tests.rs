//! Runs every built-in `*_test.rego` and fails with the list of failing tests.

use soc2gate_policy::{builtin_sources, run_tests, Outcome};

#[test]
fn every_builtin_rego_test_passes() {
    let results = run_tests(&builtin_sources(), None).unwrap_or_else(|errs| {
        panic!(
            "built-in policies do not compile:\n{}",
            errs.iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(!results.is_empty(), "no Rego tests found under policies/");
    let failures: Vec<String> = results
        .iter()
        .filter(|t| t.outcome != Outcome::Pass)
        .map(|t| {
            format!(
                "{}:{}: {}.{}: {:?}",
                t.file, t.line, t.package, t.name, t.outcome
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} Rego tests failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
}
