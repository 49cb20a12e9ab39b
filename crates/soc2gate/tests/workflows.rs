//! GitHub Actions workflows as users meet them: discovered under `.github/workflows/`,
//! findings on the offending line whatever form `on:` takes, and exceptions written in
//! the workflow or in soc2gate.toml.

mod common;

use common::{findings, scan_json, write};

/// A workflow with `on` as given: no permissions (a finding on line 1), an action of
/// another owner by tag (line 8) and a pull request title in a script (line 11).
fn workflow(on: &str) -> String {
    format!(
        "name: ci\n{on}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: acme/lint@v2\n      - run: |\n          make\n          echo \"${{{{ github.event.pull_request.title }}}}\"\n"
    )
}

/// (rule, line) of each unsuppressed finding in `file`.
fn lines(report: &serde_json::Value, file: &str) -> Vec<(String, u64)> {
    let mut got: Vec<(String, u64)> = findings(report)
        .into_iter()
        .filter(|f| f.1 == file && !f.4)
        .map(|f| (f.0, f.2))
        .collect();
    got.sort();
    got
}

#[test]
fn findings_point_at_the_offending_line_whatever_form_on_takes() {
    let dir = tempfile::tempdir().unwrap();
    // `on` as a string, a list and a mapping; the triggers end on line 2, 3 and 4.
    let forms = [
        ("string.yml", "on: push".to_string(), 0),
        ("list.yml", "on: [push, pull_request]".to_string(), 0),
        (
            "map.yaml",
            "on:\n  push:\n    branches: [main]".to_string(),
            2,
        ),
    ];
    for (name, on, _) in &forms {
        write(
            dir.path(),
            &format!(".github/workflows/{name}"),
            &workflow(on),
        );
    }
    // Not a workflow: only files directly in .github/workflows are.
    write(
        dir.path(),
        ".github/workflows/templates/x.yml",
        &workflow("on: push"),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["summary"]["files"], 3, "{report:#}");
    for (name, _, shift) in forms {
        let file = format!(".github/workflows/{name}");
        assert_eq!(
            lines(&report, &file),
            vec![
                ("github-workflow-permissions".to_string(), 1),
                ("github-workflow-pinned-actions".to_string(), 8 + shift),
                ("github-workflow-script-injection".to_string(), 11 + shift),
            ],
            "{file}: {report:#}"
        );
    }
}

#[test]
fn inline_and_config_exceptions_cover_workflow_findings() {
    let dir = tempfile::tempdir().unwrap();
    let text = workflow("on: push")
        .replace(
            "name: ci\n",
            "# soc2gate:ignore github-workflow-permissions -- the repository default is read-only\nname: ci\n",
        )
        .replace(
            "      - uses: acme/lint@v2\n",
            "      - uses: acme/lint@v2 # soc2gate:ignore github-workflow-pinned-actions -- our own action\n",
        );
    write(dir.path(), ".github/workflows/ci.yml", &text);
    write(
        dir.path(),
        "soc2gate.toml",
        "[[exceptions]]\nrule = \"github-workflow-script-injection\"\nresource = \"github_actions_workflow.ci\"\nreason = \"the title is checked by a previous job\"\n",
    );
    let (code, report) = scan_json(dir.path(), &[]);
    let got = findings(&report);
    assert_eq!(got.len(), 3, "{report:#}");
    assert!(got.iter().all(|f| f.4), "every finding is covered: {got:?}");
    let kinds: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["suppression"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec!["inSource", "inSource", "external"],
        "{report:#}"
    );
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn an_invalid_workflow_is_a_load_error_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        ".github/workflows/bad.yml",
        "on: push\njobs:\n  b: [\n",
    );
    write(
        dir.path(),
        ".github/workflows/ok.yml",
        &workflow("on: push"),
    );
    let (code, report) = scan_json(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{report:#}");
    assert_eq!(errors[0]["file"], ".github/workflows/bad.yml");
    assert_eq!(errors[0]["line"], 4);
    assert_eq!(lines(&report, ".github/workflows/ok.yml").len(), 3);
}
