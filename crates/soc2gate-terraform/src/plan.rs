//! Terraform plans (`terraform show -json plan.out`): `planned_values` become resources
//! with the plan's addresses, `after_unknown` their unknown paths, and the
//! `configuration`'s expression references their `refs`. Findings point into the `.tf`
//! files beside the plan when they are given (matched by address without instance
//! keys), else at the resource in the plan itself.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Value};
use soc2gate_model::{
    AttrPath, LoadError, Loaded, Mode, Module, ModuleKind, Resource, ResourceSpans, SourceFile,
    Span,
};

use crate::json::{self, JKind, JValue};
use crate::LoadOptions;

pub(crate) fn is_plan_json(text: &str) -> bool {
    let Ok(Value::Object(top)) = serde_json::from_str::<Value>(text) else {
        return false;
    };
    top.contains_key("format_version")
        && (top.contains_key("planned_values") || top.contains_key("resource_changes"))
}

/// An address without instance keys: `module.a["x"].b_c.d[0]` -> `module.a.b_c.d`.
pub(crate) fn base_address(address: &str) -> String {
    let mut out = String::with_capacity(address.len());
    let mut depth = 0;
    let mut quoted = false;
    let mut escaped = false;
    for c in address.chars() {
        if depth > 0 {
            if quoted {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    quoted = false;
                }
            } else if c == '"' {
                quoted = true;
            } else if c == ']' {
                depth -= 1;
            }
            continue;
        }
        if c == '[' {
            depth += 1;
        } else {
            out.push(c);
        }
    }
    out
}

type Refs = BTreeMap<String, Vec<String>>;

pub(crate) fn load_plan(
    plan: &SourceFile,
    config: &BTreeMap<String, Vec<&SourceFile>>,
    opts: &LoadOptions,
) -> Loaded {
    let mut loaded = Loaded::new(Module::new(plan.path.clone(), ModuleKind::Terraform));
    loaded.module.files.push(plan.path.clone());
    let root = match json::parse(&plan.text) {
        Ok(v) => v,
        Err(e) => {
            loaded.errors.push(LoadError {
                location: plan.locate(Span::new(e.offset, e.offset)),
                message: format!("JSON syntax error: {}", e.message),
                help: Some(
                    "fix the plan file (write it with `terraform show -json plan.out`); soc2gate \
                     did not scan it"
                        .to_string(),
                ),
            });
            return loaded;
        }
    };

    // Unknown paths by resource address.
    let mut after_unknown: HashMap<&str, &JValue> = HashMap::new();
    for change in root.get("resource_changes").map_or(&[][..], JValue::items) {
        if let (Some(address), Some(u)) = (
            change.get("address").and_then(JValue::as_str),
            change.get("change").and_then(|c| c.get("after_unknown")),
        ) {
            after_unknown.insert(address, u);
        }
    }

    // References by base address, from the configuration.
    let mut refs: HashMap<String, Refs> = HashMap::new();
    if let Some(m) = root.get("configuration").and_then(|c| c.get("root_module")) {
        config_refs(m, "", &mut refs);
    }

    // Spans from the configuration beside the plan, by base address.
    let mut config_spans: HashMap<String, ResourceSpans> = HashMap::new();
    let mut config_files: Vec<String> = Vec::new();
    if !config.is_empty() {
        let plan_dir = plan.path.rsplit_once('/').map_or(".", |(d, _)| d);
        let (loaded_config, _) = crate::load::load_modules(config, opts);
        let chosen = loaded_config
            .iter()
            .find(|l| l.module.path == plan_dir)
            .or_else(|| loaded_config.first());
        if let Some(c) = chosen {
            config_files = c.module.files.clone();
            for (address, spans) in &c.module.source_map.resources {
                config_spans
                    .entry(base_address(address))
                    .or_insert_with(|| spans.clone());
            }
        }
    }

    let mut used_config = false;
    if let Some(m) = root
        .get("planned_values")
        .and_then(|p| p.get("root_module"))
    {
        let mut stack = vec![(m, String::new())];
        while let Some((m, module_address)) = stack.pop() {
            for r in m.get("resources").map_or(&[][..], JValue::items) {
                let Some((resource, spans)) = resource(
                    plan,
                    r,
                    &module_address,
                    &after_unknown,
                    &refs,
                    &config_spans,
                ) else {
                    continue;
                };
                used_config |= spans.file != plan.path;
                loaded
                    .module
                    .source_map
                    .insert(resource.address.clone(), spans);
                loaded.module.resources.push(resource);
            }
            // Children in order: pushed reversed onto the stack.
            let children = m.get("child_modules").map_or(&[][..], JValue::items);
            for child in children.iter().rev() {
                let address = child
                    .get("address")
                    .and_then(JValue::as_str)
                    .unwrap_or("")
                    .to_string();
                stack.push((child, address));
            }
        }
    }
    if used_config {
        for f in config_files {
            if !loaded.module.files.contains(&f) {
                loaded.module.files.push(f);
            }
        }
    }
    loaded
}

fn resource(
    plan: &SourceFile,
    r: &JValue,
    module_address: &str,
    after_unknown: &HashMap<&str, &JValue>,
    refs: &HashMap<String, Refs>,
    config_spans: &HashMap<String, ResourceSpans>,
) -> Option<(Resource, ResourceSpans)> {
    let address = r.get("address")?.as_str()?.to_string();
    let rtype = r.get("type")?.as_str()?.to_string();
    let name = r.get("name")?.as_str()?.to_string();
    let mode = match r.get("mode").and_then(JValue::as_str) {
        Some("data") => Mode::Data,
        _ => Mode::Managed,
    };
    let mut values = match r.get("values").map(JValue::to_serde) {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut unknown = Vec::new();
    if let Some(u) = after_unknown.get(address.as_str()) {
        mark_unknown(u, &AttrPath::root(), &mut unknown);
        for path in &unknown {
            remove_path(&mut values, &AttrPath::parse(path));
        }
    }
    unknown.sort();
    unknown.dedup();
    let base = base_address(&address);
    let spans = match config_spans.get(&base) {
        Some(s) => s.clone(),
        None => {
            let mut attributes = BTreeMap::new();
            if let Some(v) = r.get("values") {
                value_spans(v, &AttrPath::root(), &mut attributes);
            }
            let header = r
                .members()
                .iter()
                .find(|m| m.key == "address")
                .map_or(r.span, |m| m.span());
            ResourceSpans {
                file: plan.path.clone(),
                header,
                block: r.span,
                attributes,
                via: Vec::new(),
            }
        }
    };
    let resource = Resource {
        address,
        mode,
        provider: Resource::provider_of(&rtype),
        rtype,
        name,
        module: module_address.to_string(),
        file: spans.file.clone(),
        values,
        unknown,
        refs: refs.get(&base).cloned().unwrap_or_default(),
        expressions: Default::default(),
    };
    Some((resource, spans))
}

/// The paths where `after_unknown` is `true`.
fn mark_unknown(u: &JValue, path: &AttrPath, out: &mut Vec<String>) {
    match &u.kind {
        JKind::Bool(true) => out.push(path.to_string()),
        JKind::Object(members) => {
            for m in members {
                mark_unknown(&m.value, &path.key(m.key.as_str()), out);
            }
        }
        JKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                mark_unknown(item, &path.index(i), out);
            }
        }
        _ => {}
    }
}

/// Removes an unknown path from the values: absent in objects, `null` in lists.
fn remove_path(values: &mut Map<String, Value>, path: &AttrPath) {
    use soc2gate_model::PathSegment;
    let Some((last, parents)) = path.0.split_last() else {
        return;
    };
    let mut cur: Option<&mut Value> = None;
    for (i, seg) in parents.iter().enumerate() {
        let next = match (i, seg, cur) {
            (0, PathSegment::Key(k), _) => values.get_mut(k),
            (_, PathSegment::Key(k), Some(Value::Object(m))) => m.get_mut(k),
            (_, PathSegment::Index(n), Some(Value::Array(a))) => a.get_mut(*n),
            _ => None,
        };
        let Some(next) = next else { return };
        cur = Some(next);
    }
    match (last, cur) {
        (PathSegment::Key(k), None) if parents.is_empty() => {
            values.shift_remove(k);
        }
        (PathSegment::Key(k), Some(Value::Object(m))) => {
            m.shift_remove(k);
        }
        (PathSegment::Index(n), Some(Value::Array(a))) => {
            if let Some(v) = a.get_mut(*n) {
                *v = Value::Null;
            }
        }
        _ => {}
    }
}

/// Spans of every value inside a resource's `values` in the plan.
fn value_spans(v: &JValue, path: &AttrPath, out: &mut BTreeMap<String, Span>) {
    match &v.kind {
        JKind::Object(members) => {
            for m in members {
                let p = path.key(m.key.as_str());
                out.insert(p.to_string(), m.span());
                value_spans(&m.value, &p, out);
            }
        }
        JKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = path.index(i);
                out.insert(p.to_string(), item.span);
                value_spans(item, &p, out);
            }
        }
        _ => {}
    }
}

/// The resource references of a configuration module's resources, recursively through
/// its module calls.
fn config_refs(m: &JValue, prefix: &str, out: &mut HashMap<String, Refs>) {
    let qualify = |a: &str| {
        if prefix.is_empty() {
            a.to_string()
        } else {
            format!("{prefix}.{a}")
        }
    };
    for r in m.get("resources").map_or(&[][..], JValue::items) {
        let Some(address) = r.get("address").and_then(JValue::as_str) else {
            continue;
        };
        let mut refs = Refs::new();
        if let Some(e) = r.get("expressions") {
            expression_refs(e, &AttrPath::root(), prefix, &mut refs);
        }
        out.insert(qualify(address), refs);
    }
    for call in m.get("module_calls").map_or(&[][..], JValue::members) {
        if let Some(module) = call.value.get("module") {
            config_refs(module, &qualify(&format!("module.{}", call.key)), out);
        }
    }
}

/// Walks a block's `expressions`: attribute -> `{references, constant_value}`, nested
/// block -> an object or a list of objects of the same kind.
fn expression_refs(body: &JValue, path: &AttrPath, prefix: &str, out: &mut Refs) {
    for m in body.members() {
        let p = path.key(m.key.as_str());
        match &m.value.kind {
            JKind::Object(_) if is_expression(&m.value) => {
                let mut found: Vec<String> = Vec::new();
                for r in m.value.get("references").map_or(&[][..], JValue::items) {
                    if let Some(a) = r.as_str().and_then(|r| reference(r, prefix)) {
                        if !found.contains(&a) {
                            found.push(a);
                        }
                    }
                }
                if !found.is_empty() {
                    out.insert(p.to_string(), found);
                }
            }
            JKind::Object(_) => expression_refs(&m.value, &p.index(0), prefix, out),
            JKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    expression_refs(item, &p.index(i), prefix, out);
                }
            }
            _ => {}
        }
    }
}

fn is_expression(v: &JValue) -> bool {
    let members = v.members();
    !members.is_empty()
        && members
            .iter()
            .all(|m| m.key == "references" || m.key == "constant_value")
}

/// A reference as the resource address it names (`aws_s3_bucket.b.id` ->
/// `aws_s3_bucket.b`), or `None` for variables, locals, module outputs and the like.
fn reference(r: &str, prefix: &str) -> Option<String> {
    let base = base_address(r);
    let parts: Vec<&str> = base.split('.').collect();
    let address = match parts.as_slice() {
        ["data", t, n, ..] => format!("data.{t}.{n}"),
        [t, n, ..]
            if t.contains('_')
                && ![
                    "var",
                    "local",
                    "module",
                    "each",
                    "count",
                    "path",
                    "self",
                    "terraform",
                ]
                .contains(t) =>
        {
            format!("{t}.{n}")
        }
        _ => return None,
    };
    Some(if prefix.is_empty() {
        address
    } else {
        format!("{prefix}.{address}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_addresses_drop_instance_keys() {
        assert_eq!(
            base_address(r#"module.a["x.y]"].module.b[0].aws_s3_bucket.c["k\"]"]"#),
            "module.a.module.b.aws_s3_bucket.c"
        );
        assert_eq!(
            reference("aws_s3_bucket.b.id", ""),
            Some("aws_s3_bucket.b".into())
        );
        assert_eq!(
            reference("data.aws_iam_policy_document.p.json", "module.m"),
            Some("module.m.data.aws_iam_policy_document.p".into())
        );
        assert_eq!(reference("var.x", ""), None);
        assert_eq!(reference("each.value", ""), None);
    }

    #[test]
    fn detects_plans() {
        assert!(is_plan_json(
            r#"{"format_version": "1.2", "planned_values": {}}"#
        ));
        assert!(!is_plan_json(r#"{"format_version": "1.2"}"#));
        assert!(!is_plan_json(r#"{"resource": {}}"#));
        assert!(!is_plan_json("not json"));
    }
}
