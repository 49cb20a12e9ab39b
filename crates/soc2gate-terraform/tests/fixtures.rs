//! Golden tests: every directory under `testdata/loader/terraform/` is loaded as one
//! module and compared with its `expected.json` (policy input, source map as line:column
//! ranges, errors). Run with `SOC2GATE_BLESS=1` to rewrite the expected files after a
//! deliberate change, then review the diff.

use std::fs;
use std::path::Path;

use serde_json::{json, Map, Value};
use soc2gate_model::{SourceFile, Span};
use soc2gate_terraform::load_module;

const ROOT: &str = "testdata/loader/terraform";

fn range(file: &SourceFile, span: Span) -> String {
    let loc = file.locate(span);
    format!(
        "{}:{}-{}:{}",
        loc.start.line, loc.start.column, loc.end.line, loc.end.column
    )
}

fn snapshot(dir: &str, files: &[SourceFile]) -> Value {
    let refs: Vec<&SourceFile> = files.iter().collect();
    let loaded = load_module(dir, &refs);
    let file_of = |path: &str| files.iter().find(|f| f.path == path).expect("loaded file");
    let mut source_map = Map::new();
    for (address, spans) in &loaded.module.source_map.resources {
        let file = file_of(&spans.file);
        let attributes: Map<String, Value> = spans
            .attributes
            .iter()
            .map(|(path, span)| (path.clone(), Value::String(range(file, *span))))
            .collect();
        source_map.insert(
            address.clone(),
            json!({
                "file": spans.file,
                "header": range(file, spans.header),
                "block": range(file, spans.block),
                "attributes": attributes,
            }),
        );
    }
    let errors: Vec<Value> = loaded
        .errors
        .iter()
        .map(|e| {
            json!({
                "file": e.location.file,
                "at": format!("{}:{}", e.location.start.line, e.location.start.column),
                "message": e.message,
            })
        })
        .collect();
    json!({
        "files": loaded.module.files,
        "input": loaded.module.input(),
        "source_map": source_map,
        "errors": errors,
    })
}

#[test]
fn loader_fixtures_match_expected() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dirs: Vec<_> = fs::read_dir(workspace.join(ROOT))
        .expect("fixture root")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty(), "no fixtures under {ROOT}");
    let bless = std::env::var_os("SOC2GATE_BLESS").is_some();
    let mut failures = Vec::new();
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let module_dir = format!("{ROOT}/{name}");
        let mut entries: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().is_some_and(|n| n != "expected.json"))
            .collect();
        entries.sort();
        let files: Vec<SourceFile> = entries
            .iter()
            .map(|p| {
                let file_name = p.file_name().unwrap().to_string_lossy();
                SourceFile::new(
                    format!("{module_dir}/{file_name}"),
                    fs::read_to_string(p).unwrap(),
                )
            })
            .collect();
        let actual = snapshot(&module_dir, &files);
        let expected_path = dir.join("expected.json");
        let actual_text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        if bless {
            fs::write(&expected_path, &actual_text).unwrap();
            continue;
        }
        let expected_text = fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Value = serde_json::from_str(&expected_text).unwrap_or(Value::Null);
        if expected != actual {
            failures.push(format!(
                "{module_dir}: output differs from expected.json (SOC2GATE_BLESS=1 rewrites it)\n{actual_text}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
