//! Golden tests: every `testdata/loader/yaml/<name>.yml` is loaded and compared with
//! `<name>.expected.json` (policy input, source map as line:column ranges, errors and
//! warnings). Run with `SOC2GATE_BLESS=1` to rewrite the expected files after a
//! deliberate change, then review the diff.

mod common;

use std::fs;

use common::{fixture, fixture_dir, range};
use serde_json::{json, Map, Value};
use soc2gate_model::{LoadError, SourceFile};
use soc2gate_yaml::load_settings;

fn problems(list: &[LoadError]) -> Vec<Value> {
    list.iter()
        .map(|e| {
            json!({
                "at": format!("{}:{}", e.location.start.line, e.location.start.column),
                "message": e.message,
                "help": e.help,
            })
        })
        .collect()
}

fn snapshot(file: &SourceFile) -> Value {
    let loaded = load_settings(file);
    let mut source_map = Map::new();
    for (address, spans) in &loaded.module.source_map.resources {
        assert_eq!(spans.file, file.path);
        let attributes: Map<String, Value> = spans
            .attributes
            .iter()
            .map(|(path, span)| (path.clone(), Value::String(range(file, *span))))
            .collect();
        source_map.insert(
            address.clone(),
            json!({
                "header": range(file, spans.header),
                "block": range(file, spans.block),
                "attributes": attributes,
            }),
        );
    }
    json!({
        "input": loaded.module.input(),
        "source_map": source_map,
        "errors": problems(&loaded.errors),
        "warnings": problems(&loaded.warnings),
    })
}

#[test]
fn loader_fixtures_match_expected() {
    let mut names: Vec<String> = fs::read_dir(fixture_dir())
        .expect("fixture directory")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .to_string()
        })
        .filter(|n| n.ends_with(".yml") || n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no fixtures");
    let bless = std::env::var_os("SOC2GATE_BLESS").is_some();
    let mut failures = Vec::new();
    for name in names {
        let actual = snapshot(&fixture(&name));
        let stem = name.rsplit_once('.').unwrap().0;
        let expected_path = fixture_dir().join(format!("{stem}.expected.json"));
        let actual_text = serde_json::to_string_pretty(&actual).unwrap() + "\n";
        if bless {
            fs::write(&expected_path, &actual_text).unwrap();
            continue;
        }
        let expected_text = fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Value = serde_json::from_str(&expected_text).unwrap_or(Value::Null);
        if expected != actual {
            failures.push(format!(
                "{name}: output differs from {stem}.expected.json (SOC2GATE_BLESS=1 rewrites it)\n{actual_text}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
