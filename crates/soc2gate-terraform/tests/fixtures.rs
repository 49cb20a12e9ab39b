//! Snapshot tests: every directory under `testdata/loader/terraform/` is one scan. Its
//! Terraform directories (the case directory and any below it) are loaded together with
//! `load_modules`, or, when the case holds a `plan.json`, that plan is loaded with the
//! rest as its configuration. The snapshot holds each loaded unit: the policy input, the
//! source map resolved to line:column ranges (with the module call chain), errors and
//! warnings.
//!
//! A case may hold `options.json`: `{"vars": [["name", "value"]], "env_vars": [...],
//! "var_files": ["file name in the case"], "file_access": true}`; with `file_access` the
//! case directory is the scan root for `file()` and friends. The case directory is the
//! boundary for module directories outside the case's files (`.terraform/modules`).
//!
//! `INSTA_UPDATE=always cargo test -p soc2gate-terraform --test fixtures` rewrites the
//! snapshots after a deliberate change; review the diff.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};
use soc2gate_model::{Loaded, SourceFile, Span};
use soc2gate_terraform::{is_plan_json, load_modules, load_plan, LoadOptions};

const ROOT: &str = "testdata/loader/terraform";
const NOT_TERRAFORM: &[&str] = &["options.json", "README.md"];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn range(file: &SourceFile, span: Span) -> String {
    let loc = file.locate(span);
    format!(
        "{}:{}-{}:{}",
        loc.start.line, loc.start.column, loc.end.line, loc.end.column
    )
}

/// Every file under `dir`, as display paths relative to the workspace.
fn walk(dir: &Path, display: &str, out: &mut Vec<SourceFile>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .expect("fixture dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let shown = format!("{display}/{name}");
        if p.is_dir() {
            walk(&p, &shown, out);
        } else if !NOT_TERRAFORM.contains(&name.as_str()) {
            out.push(SourceFile::new(shown, fs::read_to_string(&p).unwrap()));
        }
    }
}

fn unit(loaded: &Loaded, files: &[&SourceFile]) -> Value {
    let file_of = |path: &str| files.iter().find(|f| f.path == path).copied();
    let at = |path: &str, span: Span| match file_of(path) {
        Some(f) => range(f, span),
        None => format!("{path}?{}..{}", span.start, span.end),
    };
    let mut source_map = Map::new();
    for (address, spans) in &loaded.module.source_map.resources {
        let attributes: Map<String, Value> = spans
            .attributes
            .iter()
            .map(|(path, span)| (path.clone(), Value::String(at(&spans.file, *span))))
            .collect();
        let via: Vec<Value> = spans
            .via
            .iter()
            .map(|c| {
                json!(format!(
                    "{} at {}:{}",
                    c.address,
                    c.file,
                    at(&c.file, c.span)
                ))
            })
            .collect();
        let mut entry = json!({
            "file": spans.file,
            "header": at(&spans.file, spans.header),
            "block": at(&spans.file, spans.block),
            "attributes": attributes,
        });
        if !via.is_empty() {
            entry["via"] = Value::Array(via);
        }
        source_map.insert(address.clone(), entry);
    }
    let problems = |list: &[soc2gate_model::LoadError]| -> Vec<Value> {
        list.iter()
            .map(|e| {
                json!({
                    "file": e.location.file,
                    "at": format!("{}:{}", e.location.start.line, e.location.start.column),
                    "message": e.message,
                })
            })
            .collect()
    };
    let unexpanded: Vec<Value> = loaded
        .unexpanded
        .iter()
        .map(|u| {
            json!({
                "module": u.address,
                "source": u.source,
                "file": u.location.file,
                "at": format!("{}:{}", u.location.start.line, u.location.start.column),
                "reason": u.reason,
            })
        })
        .collect();
    let mut value = json!({
        "path": loaded.module.path,
        "files": loaded.module.files,
        "input": loaded.module.input(),
        "source_map": source_map,
        "errors": problems(&loaded.errors),
        "warnings": problems(&loaded.warnings),
    });
    if !unexpanded.is_empty() {
        value["modules_not_expanded"] = Value::Array(unexpanded);
    }
    value
}

fn options(case_dir: &Path, display: &str, files: &[SourceFile]) -> LoadOptions {
    // The case directory is the repository: module sources are read inside it.
    let mut opts = LoadOptions {
        base: workspace(),
        boundary: Some(case_dir.to_path_buf()),
        ..LoadOptions::default()
    };
    let Ok(text) = fs::read_to_string(case_dir.join("options.json")) else {
        return opts;
    };
    let v: Value = serde_json::from_str(&text).expect("options.json");
    let pairs = |k: &str| -> Vec<(String, String)> {
        v[k].as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        (
                            p[0].as_str().unwrap().to_string(),
                            p[1].as_str().unwrap().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    opts.vars = pairs("vars");
    opts.env_vars = pairs("env_vars");
    for name in v["var_files"].as_array().into_iter().flatten() {
        let path = format!("{display}/{}", name.as_str().unwrap());
        let f = files.iter().find(|f| f.path == path).expect("var file");
        opts.var_files.push(f.clone());
    }
    if v["file_access"].as_bool() == Some(true) {
        opts.roots = vec![display.to_string()];
    }
    opts
}

fn snapshot(case_dir: &Path, display: &str) -> Value {
    let mut files = Vec::new();
    walk(case_dir, display, &mut files);
    let opts = options(case_dir, display, &files);
    let var_files: Vec<&str> = opts.var_files.iter().map(|f| f.path.as_str()).collect();
    let plan = files
        .iter()
        .find(|f| f.path.ends_with("/plan.json") && is_plan_json(&f.text));
    let mut dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    for f in &files {
        if var_files.contains(&f.path.as_str())
            || plan.is_some_and(|p| p.path == f.path)
            || ![".tf", ".tf.json", ".tfvars", ".tfvars.json"]
                .iter()
                .any(|ext| f.path.ends_with(ext))
        {
            continue;
        }
        let dir = f.path.rsplit_once('/').map_or(".", |(d, _)| d);
        dirs.entry(dir.to_string()).or_default().push(f);
    }
    let all: Vec<&SourceFile> = files.iter().collect();
    match plan {
        Some(plan) => unit(&load_plan(plan, &dirs, &opts), &all),
        None => Value::Array(
            load_modules(&dirs, &opts)
                .iter()
                .map(|l| unit(l, &all))
                .collect(),
        ),
    }
}

#[test]
fn loader_fixtures() {
    let root = workspace().join(ROOT);
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("fixture root")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures under {ROOT}");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().to_string();
        let value = snapshot(&case, &format!("{ROOT}/{name}"));
        insta::assert_json_snapshot!(name, value);
    }
}
