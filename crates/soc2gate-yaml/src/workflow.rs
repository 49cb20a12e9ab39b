//! Loads GitHub Actions workflows (`.github/workflows/*.yml|*.yaml`) into the resource
//! graph: one evaluation unit per workflows directory, one `github_actions_workflow`
//! resource per file, addressed by the file's stem (`github_actions_workflow.ci`).
//!
//! The values are the workflow as written, converted key for key (`null` leaves a key
//! out), with one normalisation: `on` is always a mapping of triggers, whether the file
//! writes `on: push`, `on: [push, pull_request]` or a mapping (a trigger without
//! settings becomes `{}`). Expressions `${{ ... }}` stay strings: the workflow rules
//! inspect them. A value a template engine fills in before the file is used
//! (`{{ version }}` without the `$`) cannot be known and is listed in `unknown`.
//!
//! Every key and list element keeps its span (`jobs.build.steps[2].uses`), and so does
//! every `${{ ... }}` inside a string: the k-th expression of `jobs.build.steps[2].run`
//! is recorded at `jobs.build.steps[2].run[k]`, so that a finding about it points at the
//! script line that holds it. The resource's header is the document's first key.

use std::collections::BTreeSet;

use saphyr::{LoadableYamlNode, MarkedYaml};
use serde_json::{Map, Number, Value};
use soc2gate_model::{
    AttrPath, LoadError, Loaded, Module, ModuleKind, ResourceSpans, SourceFile, Span,
};

use crate::errors::Errors;
use crate::fields::Record;
use crate::node::{Node, Shape, Text};
use crate::{guarded, resource, syntax_error, Built, Read};

/// The resource type of a workflow.
pub const WORKFLOW_TYPE: &str = "github_actions_workflow";

/// Loads the workflow files of one `.github/workflows` directory (`dir`) into one unit.
pub fn load_workflows(dir: &str, files: &[&SourceFile]) -> Loaded {
    let mut module = Module::new(dir, ModuleKind::Settings);
    let mut errors: Vec<LoadError> = Vec::new();
    let mut warnings: Vec<LoadError> = Vec::new();
    let mut files: Vec<&SourceFile> = files.to_vec();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut names = BTreeSet::new();
    for file in files {
        module.files.push(file.path.clone());
        let name = unique_name(file, &mut names);
        let read = guarded(file, "workflow", |file| read(file, &name));
        errors.extend(read.errors);
        warnings.extend(read.warnings);
        for (resource, spans) in read.resources {
            module.source_map.insert(resource.address.clone(), spans);
            module.resources.push(resource);
        }
    }
    errors.sort_by(|a, b| a.location.cmp(&b.location));
    warnings.sort_by(|a, b| a.location.cmp(&b.location));
    Loaded {
        module,
        errors,
        warnings,
        unexpanded: Vec::new(),
    }
}

/// The file's stem (`ci` for `ci.yml`), or its whole name when another file of the
/// directory already has that stem (`ci.yml` and `ci.yaml`).
fn unique_name(file: &SourceFile, taken: &mut BTreeSet<String>) -> String {
    let name = file.path.rsplit('/').next().unwrap_or(&file.path);
    let stem = name
        .strip_suffix(".yml")
        .or_else(|| name.strip_suffix(".yaml"))
        .unwrap_or(name);
    let chosen = if taken.contains(stem) { name } else { stem };
    taken.insert(chosen.to_string());
    chosen.to_string()
}

/// Parses one workflow file into its resource.
fn read(file: &SourceFile, name: &str) -> Read {
    let mut errors = Errors::new(file);
    let text = Text::new(&file.text);
    let docs = match MarkedYaml::load_from_str(&file.text) {
        Ok(docs) => docs,
        Err(e) => {
            syntax_error(&text, &e, &mut errors);
            return Read::failed(errors);
        }
    };
    let mut documents = docs
        .iter()
        .map(|d| Node::new(d, &text))
        .filter(|d| !d.is_null());
    let mut resources = Vec::new();
    if let Some(root) = documents.next() {
        for extra in documents {
            errors.at(
                Span::new(extra.start(), extra.start()),
                "a workflow file holds one YAML document, and this is a second one",
                "GitHub reads only one document per workflow file; merge them or move the second \
                 into a file of its own (only the first was scanned)",
            );
        }
        resources.extend(read_root(file, name, root, &mut errors));
    }
    Read {
        resources,
        errors: errors.list,
        warnings: errors.warnings,
    }
}

/// The workflow resource of a document.
fn read_root(
    file: &SourceFile,
    name: &str,
    root: Node<'_>,
    errors: &mut Errors<'_>,
) -> Option<Built> {
    let Some(map) = root.mapping(errors) else {
        errors.at(
            root.span(),
            format!(
                "a workflow must be a mapping with `on:` and `jobs:`, found {}",
                root.describe()
            ),
            "write the workflow as a mapping (`name:`, `on:`, `jobs:`); this file was not scanned",
        );
        return None;
    };
    let mut record = Record::new(errors);
    let mut values = Map::new();
    let root_path = AttrPath::root();
    for entry in &map.entries {
        let key = key_text(entry.key);
        let path = root_path.key(key.clone());
        record.span(&path, entry.span());
        let value = if key == "on" {
            triggers(entry.value, &path, &mut record)
        } else {
            convert(entry.value, &path, &mut record)
        };
        if let Some(value) = value {
            values.insert(key, value);
        }
    }
    let header = map
        .entries
        .first()
        .map_or(Span::new(root.start(), root.start()), |e| e.key.span());
    let unknown = record.take_unknown();
    let spans = ResourceSpans {
        file: file.path.clone(),
        header,
        block: root.span(),
        attributes: std::mem::take(&mut record.spans),
        via: Vec::new(),
    };
    Some((resource(file, WORKFLOW_TYPE, name, values, unknown), spans))
}

/// A mapping key as text: strings as they are, other scalars as written (`3.10:`).
fn key_text(key: Node<'_>) -> String {
    key.as_str()
        .map_or_else(|| key.source().to_string(), str::to_string)
}

/// `on:` as a mapping of triggers: `push` and `[push, pull_request]` become
/// `{"push": {}}` and `{"push": {}, "pull_request": {}}`; a trigger without settings
/// (`pull_request:`) becomes `{}`.
fn triggers(node: Node<'_>, path: &AttrPath, record: &mut Record<'_, '_>) -> Option<Value> {
    let mut on = Map::new();
    match node.shape() {
        Shape::Str(event) => {
            record.span(&path.key(event), node.span());
            on.insert(event.to_string(), Value::Object(Map::new()));
        }
        Shape::Seq(_) => {
            for (i, item) in node.items().unwrap_or_default().into_iter().enumerate() {
                match item.as_str() {
                    Some(event) => {
                        record.span(&path.key(event), item.span());
                        on.insert(event.to_string(), Value::Object(Map::new()));
                    }
                    None => not_a_trigger(item, &path.index(i), record),
                }
            }
        }
        Shape::Map(_) if !node.is_template() => {
            let map = node.mapping(record.errors)?;
            for entry in &map.entries {
                let event = key_text(entry.key);
                let at = path.key(event.clone());
                record.span(&at, entry.span());
                let settings = match entry.value.shape() {
                    Shape::Null => Some(Value::Object(Map::new())),
                    _ => convert(entry.value, &at, record),
                };
                if let Some(settings) = settings {
                    on.insert(event, settings);
                }
            }
        }
        Shape::Null => {}
        _ => {
            not_a_trigger(node, path, record);
            return None;
        }
    }
    Some(Value::Object(on))
}

fn not_a_trigger(node: Node<'_>, path: &AttrPath, record: &mut Record<'_, '_>) {
    if node.is_template() {
        record.unknown(path);
        return;
    }
    record.errors.at(
        node.span(),
        format!(
            "`on` must name events (a string, a list or a mapping), found {}",
            node.describe()
        ),
        "write the triggers as `on: push`, `on: [push, pull_request]` or a mapping; until it \
         is fixed, soc2gate treats the triggers as unknown",
    );
    record.unknown(path);
}

/// The value of `node` at `path`, recording the span of every key and list element.
/// `None` for `null` (not set) and for what cannot be known (listed in `unknown`).
fn convert(node: Node<'_>, path: &AttrPath, record: &mut Record<'_, '_>) -> Option<Value> {
    if is_fill_in(node) {
        record.unknown(path);
        return None;
    }
    match node.shape() {
        Shape::Null => None,
        Shape::Bool(b) => Some(Value::Bool(b)),
        Shape::Int(i) => Some(Value::from(i)),
        Shape::Float => match node.source().parse::<f64>().ok().and_then(Number::from_f64) {
            Some(n) => Some(Value::Number(n)),
            // `.inf` and `.nan` have no JSON form; keep what was written.
            None => Some(Value::from(node.source())),
        },
        Shape::Str(s) => {
            expressions(node, path, record);
            Some(Value::from(s))
        }
        Shape::Seq(_) => {
            let items = node.items().unwrap_or_default();
            let mut list = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let at = path.index(i);
                record.span(&at, item.span());
                // A `null` element keeps its place, so the indices of the others stay true.
                list.push(convert(item, &at, record).unwrap_or(Value::Null));
            }
            Some(Value::Array(list))
        }
        Shape::Map(_) => {
            let map = node.mapping(record.errors)?;
            let mut object = Map::new();
            for entry in &map.entries {
                let key = key_text(entry.key);
                let at = path.key(key.clone());
                record.span(&at, entry.span());
                if let Some(value) = convert(entry.value, &at, record) {
                    object.insert(key, value);
                }
            }
            Some(Value::Object(object))
        }
        Shape::Invalid => {
            record.errors.at(
                node.span(),
                "this value cannot be read (an alias to an anchor that does not exist?)",
                "point the alias at an anchor defined earlier in the file; until it is fixed, \
                 soc2gate treats this value as unknown",
            );
            record.unknown(path);
            None
        }
    }
}

/// A placeholder that a template engine fills in before the file is used: `{{ x }}`
/// without the `$` of a GitHub expression (or written unquoted, which YAML reads as a
/// flow mapping).
fn is_fill_in(node: Node<'_>) -> bool {
    match node.shape() {
        Shape::Str(s) => {
            let mut rest = s.to_string();
            // Drop the GitHub expressions; what remains must not hold a placeholder.
            while let Some(open) = rest.find("${{") {
                let close = rest[open..].find("}}").map_or(rest.len(), |c| open + c + 2);
                rest.replace_range(open..close, "");
            }
            rest.find("{{")
                .is_some_and(|open| rest[open..].contains("}}"))
        }
        Shape::Map(_) => node.is_template(),
        _ => false,
    }
}

/// Records the span of each `${{ ... }}` of a string scalar at `path[k]`, in order. The
/// written text holds the same expressions in the same order as the value (block
/// scalars only strip indentation, quotes only escape other characters).
fn expressions(node: Node<'_>, path: &AttrPath, record: &mut Record<'_, '_>) {
    let written = node.source();
    if !written.contains("${{") {
        return;
    }
    let base = node.start();
    let mut from = 0;
    let mut k = 0;
    while let Some(open) = written[from..].find("${{").map(|o| from + o) {
        let close = written[open..]
            .find("}}")
            .map_or(written.len(), |c| open + c + 2);
        record.span(&path.index(k), Span::new(base + open, base + close));
        k += 1;
        from = close;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(paths: &[&str]) -> Vec<String> {
        let mut taken = BTreeSet::new();
        paths
            .iter()
            .map(|p| unique_name(&SourceFile::new(*p, ""), &mut taken))
            .collect()
    }

    #[test]
    fn names_are_stems_unless_two_files_share_one() {
        assert_eq!(
            names(&[
                ".github/workflows/ci.yaml",
                ".github/workflows/ci.yml",
                "w/release.yml"
            ]),
            vec!["ci", "ci.yml", "release"]
        );
    }
}
