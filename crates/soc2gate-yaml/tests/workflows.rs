//! GitHub Actions workflows: the values policies see and where findings point.

mod common;

use common::{range, resource, summary};
use serde_json::json;
use soc2gate_model::{Loaded, SourceFile};
use soc2gate_yaml::load_workflows;

fn load(files: &[(&str, &str)]) -> (Vec<SourceFile>, Loaded) {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(name, text)| SourceFile::new(format!(".github/workflows/{name}"), *text))
        .collect();
    let refs: Vec<&SourceFile> = sources.iter().collect();
    let loaded = load_workflows(".github/workflows", &refs);
    (sources, loaded)
}

/// `line:column-line:column` of the span recorded at `path` of workflow `name`.
fn at(file: &SourceFile, loaded: &Loaded, name: &str, path: &str) -> String {
    let address = format!("github_actions_workflow.{name}");
    let spans = &loaded.module.source_map.resources[&address];
    let span = spans
        .attributes
        .get(path)
        .unwrap_or_else(|| panic!("no span at {path}: {:?}", spans.attributes.keys()));
    range(file, *span)
}

const CI: &str = "\
name: ci
on: push
permissions:
  contents: read
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Greet
        run: |
          echo building
          echo \"${{ github.event.head_commit.message }}\" > msg.txt
      - uses: acme/deploy@main
        with:
          token: ${{ secrets.TOKEN }}
          retries: 3
";

#[test]
fn one_unit_per_directory_one_resource_per_file() {
    let (_, loaded) = load(&[("ci.yml", CI), ("release.yaml", "on: [push]\njobs: {}\n")]);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    assert_eq!(loaded.module.path, ".github/workflows");
    assert_eq!(
        loaded.module.files,
        vec![".github/workflows/ci.yml", ".github/workflows/release.yaml"]
    );
    let ci = resource(&loaded, "github_actions_workflow.ci");
    assert_eq!(ci["mode"], "settings");
    assert_eq!(ci["provider"], "github");
    assert_eq!(ci["file"], ".github/workflows/ci.yml");
    assert_eq!(ci["values"]["permissions"], json!({"contents": "read"}));
    let steps = &ci["values"]["jobs"]["build"]["steps"];
    assert_eq!(steps[0]["uses"], "actions/checkout@v4");
    // Expressions stay strings: the rules inspect them.
    assert_eq!(
        steps[1]["run"],
        "echo building\necho \"${{ github.event.head_commit.message }}\" > msg.txt\n"
    );
    assert_eq!(
        steps[2]["with"],
        json!({"token": "${{ secrets.TOKEN }}", "retries": 3})
    );
    assert_eq!(ci["unknown"], json!([]));
    resource(&loaded, "github_actions_workflow.release");
}

#[test]
fn on_is_always_a_mapping_of_triggers() {
    let (files, loaded) = load(&[
        ("string.yml", "on: pull_request_target\njobs: {}\n"),
        ("list.yml", "on:\n  - push\n  - workflow_run\njobs: {}\n"),
        (
            "map.yml",
            "on:\n  issues:\n    types: [opened]\n  pull_request:\njobs: {}\n",
        ),
    ]);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let on = |name: &str| {
        resource(&loaded, &format!("github_actions_workflow.{name}"))["values"]["on"].clone()
    };
    assert_eq!(on("string"), json!({"pull_request_target": {}}));
    assert_eq!(on("list"), json!({"push": {}, "workflow_run": {}}));
    assert_eq!(
        on("map"),
        json!({"issues": {"types": ["opened"]}, "pull_request": {}})
    );
    // Each trigger points where it is written.
    let file = |name: &str| files.iter().find(|f| f.path.ends_with(name)).unwrap();
    assert_eq!(
        at(
            file("string.yml"),
            &loaded,
            "string",
            "on.pull_request_target"
        ),
        "1:5-1:24"
    );
    assert_eq!(
        at(file("list.yml"), &loaded, "list", "on.workflow_run"),
        "3:5-3:17"
    );
    assert_eq!(
        at(file("map.yml"), &loaded, "map", "on.pull_request"),
        "4:3-4:15"
    );
}

#[test]
fn every_key_list_element_and_expression_has_its_span() {
    let (files, loaded) = load(&[("ci.yml", CI)]);
    let file = &files[0];
    let spans = &loaded.module.source_map.resources["github_actions_workflow.ci"];
    // The header is the document's first key.
    assert_eq!(range(file, spans.header), "1:1-1:5");
    assert_eq!(at(file, &loaded, "ci", "permissions"), "3:1-4:17");
    assert_eq!(at(file, &loaded, "ci", "jobs.build.steps[0]"), "9:9-9:34");
    assert_eq!(
        at(file, &loaded, "ci", "jobs.build.steps[0].uses"),
        "9:9-9:34"
    );
    assert_eq!(
        at(file, &loaded, "ci", "jobs.build.steps[2].uses"),
        "14:9-14:31"
    );
    // A block scalar's expression points at the script line that holds it.
    assert_eq!(
        at(file, &loaded, "ci", "jobs.build.steps[1].run[0]"),
        "13:17-13:56"
    );
    assert_eq!(
        at(file, &loaded, "ci", "jobs.build.steps[2].with.token[0]"),
        "16:18-16:38"
    );
}

#[test]
fn placeholders_of_other_template_engines_are_unknown() {
    let (_, loaded) = load(&[(
        "tmpl.yml",
        "on: push\njobs:\n  b:\n    steps:\n      - uses: acme/setup@{{ version }}\n      - run: echo ${{ github.sha }}\n",
    )]);
    assert!(loaded.errors.is_empty(), "{:?}", summary(&loaded.errors));
    let w = resource(&loaded, "github_actions_workflow.tmpl");
    assert_eq!(w["unknown"], json!(["jobs.b.steps[0].uses"]));
    assert_eq!(w["values"]["jobs"]["b"]["steps"][0], json!({}));
    assert_eq!(
        w["values"]["jobs"]["b"]["steps"][1]["run"],
        "echo ${{ github.sha }}"
    );
}

#[test]
fn invalid_workflows_are_load_errors_and_the_others_still_load() {
    let (_, loaded) = load(&[
        ("bad.yml", "on: push\njobs:\n  build: [\n"),
        ("list.yml", "- not a workflow\n"),
        ("ok.yml", "on: push\njobs: {}\n"),
        ("triggers.yml", "on: 3\njobs: {}\n"),
    ]);
    let errors: Vec<String> = loaded
        .errors
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e.location.file,
                summary(std::slice::from_ref(e))[0]
            )
        })
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(
        errors[0].starts_with(".github/workflows/bad.yml:4:1 "),
        "{errors:?}"
    );
    assert!(errors[0].contains("invalid YAML"), "{errors:?}");
    assert!(
        errors[1].contains("a workflow must be a mapping"),
        "{errors:?}"
    );
    assert!(errors[2].contains("`on` must name events"), "{errors:?}");
    resource(&loaded, "github_actions_workflow.ok");
    let triggers = resource(&loaded, "github_actions_workflow.triggers");
    assert_eq!(triggers["unknown"], json!(["on"]));
}

#[test]
fn a_file_nested_beyond_any_workflow_is_refused() {
    let deep = format!("on: push\njobs: {}\n", "[".repeat(300));
    let (_, loaded) = load(&[("deep.yml", &deep), ("ok.yml", "on: push\n")]);
    assert_eq!(loaded.errors.len(), 1);
    resource(&loaded, "github_actions_workflow.ok");
}
