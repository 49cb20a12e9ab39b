//! Helpers shared by the loader tests.
// Each test binary uses only some of these.
#![allow(dead_code, unused_imports)]

pub use serde_json::{json, Value};
pub use soc2gate_model::{AttrPath, Loaded, Mode, ModuleKind, Position, Resource, SourceFile};
pub use soc2gate_terraform::{load_module, parse};

pub fn load(files: &[(&str, &str)]) -> (Loaded, Vec<SourceFile>) {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile::new(*path, *text))
        .collect();
    let refs: Vec<&SourceFile> = sources.iter().collect();
    (load_module("infra", &refs), sources)
}

pub fn load_one(text: &str) -> Loaded {
    load(&[("infra/main.tf", text)]).0
}

pub fn resource<'a>(loaded: &'a Loaded, address: &str) -> &'a Resource {
    loaded
        .module
        .resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no {address} in {:#?}", loaded.module.resources))
}

pub fn values(r: &Resource) -> Value {
    Value::Object(r.values.clone())
}

pub fn no_errors(loaded: &Loaded) {
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
}
