//! Helpers shared by the loader tests.
#![allow(dead_code)]

use std::path::PathBuf;

use serde_json::Value;
use soc2gate_model::{LoadError, Loaded, SourceFile, Span};

/// Where the loader fixtures live.
pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/loader/yaml")
}

/// A fixture file, with the path a scan from the workspace root would give it.
pub fn fixture(name: &str) -> SourceFile {
    let text = std::fs::read_to_string(fixture_dir().join(name)).expect("fixture exists");
    SourceFile::new(format!("testdata/loader/yaml/{name}"), text)
}

/// Loads `text` as `.github/settings.yml`.
pub fn load(text: &str) -> (SourceFile, Loaded) {
    let file = SourceFile::new(".github/settings.yml", text);
    let loaded = soc2gate_yaml::load_settings(&file);
    (file, loaded)
}

/// `line:column-line:column` of a span, as an editor shows it.
pub fn range(file: &SourceFile, span: Span) -> String {
    let loc = file.locate(span);
    format!(
        "{}:{}-{}:{}",
        loc.start.line, loc.start.column, loc.end.line, loc.end.column
    )
}

/// The recorded span of `path` in resource `address`.
pub fn attribute(file: &SourceFile, loaded: &Loaded, address: &str, path: &str) -> String {
    let spans = &loaded.module.source_map.resources[address];
    let span = spans.attributes.get(path).unwrap_or_else(|| {
        panic!(
            "{address} records no span at {path}: {:?}",
            spans.attributes.keys()
        )
    });
    range(file, *span)
}

/// The values of resource `address` in the policy input.
pub fn resource(loaded: &Loaded, address: &str) -> Value {
    let input = loaded.module.input();
    let resources = input["resources"].as_object().unwrap().values();
    resources
        .flat_map(|list| list.as_array().unwrap().iter())
        .find(|r| r["address"] == address)
        .unwrap_or_else(|| panic!("no resource {address} in {input:#}"))
        .clone()
}

/// `line:column message` of each error, the way a test reads best.
pub fn summary(errors: &[LoadError]) -> Vec<String> {
    errors
        .iter()
        .map(|e| {
            format!(
                "{}:{} {}",
                e.location.start.line, e.location.start.column, e.message
            )
        })
        .collect()
}

/// The addresses the unit holds, sorted.
pub fn addresses(loaded: &Loaded) -> Vec<String> {
    let mut addresses: Vec<String> = loaded
        .module
        .resources
        .iter()
        .map(|r| r.address.clone())
        .collect();
    addresses.sort();
    addresses
}
