//! `data "aws_iam_policy_document"` rendered as the AWS provider renders it, so that
//! `policy = data.aws_iam_policy_document.x.json` is the same known string a plan would
//! show, and IAM policies read it like any other document.
//!
//! The provider's rules, kept here: `effect` defaults to `Allow`; a set of one element
//! (`actions`, `resources`, principal identifiers, condition values) is written as a
//! string, larger sets as lists in reverse lexical order; a single principal of type
//! `*` is written `"*"`; source documents are merged first, then the document's own
//! statements, then override documents, a statement replacing an earlier one with the
//! same `Sid`. Where an input is unknown, the document is the decoded object with unknown
//! leaves; where even its statements cannot be told apart, it is unknown.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

use crate::eval::{Bindings, Instances, Scope};
use crate::normalize::{body_value, header_span, POLICY_DOCUMENT};
use crate::value::{encode_json, Val};

/// An ordered statement: the provider's field order.
type Statement = Vec<(&'static str, Val)>;

#[derive(Default)]
struct Doc {
    version: String,
    id: Option<Val>,
    statements: Vec<Statement>,
}

impl Doc {
    /// The provider's merge: a later statement with the same `Sid` replaces the earlier
    /// one in place; others are appended. `None` when a `Sid` is unknown.
    fn merge(&mut self, other: Doc) -> Option<()> {
        if let Some(id) = other.id {
            self.id = Some(id);
        }
        if other.version > self.version {
            self.version = other.version;
        }
        for s in other.statements {
            let sid = sid_of(&s)?;
            match sid.filter(|s| !s.is_empty()) {
                Some(sid) => {
                    let existing = self
                        .statements
                        .iter()
                        .position(|e| matches!(sid_of(e), Some(Some(x)) if x == sid));
                    match existing {
                        Some(i) => self.statements[i] = s,
                        None => self.statements.push(s),
                    }
                }
                None => self.statements.push(s),
            }
        }
        Some(())
    }
}

/// `Some(None)` for no Sid, `None` for an unknown one.
fn sid_of(s: &Statement) -> Option<Option<String>> {
    match s.iter().find(|(k, _)| *k == "Sid") {
        None => Some(None),
        Some((_, Val::String(x))) => Some(Some(x.clone())),
        Some(_) => None,
    }
}

/// The `json` and `minified_json` attributes of a policy document body.
pub(crate) fn render(body: &BTreeMap<String, Val>) -> (Val, Val) {
    let Some(doc) = document(body) else {
        return (Val::Unknown, Val::Unknown);
    };
    let mut value = serde_json::Map::new();
    let mut partial = BTreeMap::new();
    let mut known = true;
    let mut put = |k: &str, v: Val, map: &mut serde_json::Map<String, Value>| {
        match to_serde(&v) {
            Some(j) => {
                map.insert(k.to_string(), j);
            }
            None => known = false,
        }
        partial.insert(k.to_string(), v);
    };
    if !doc.version.is_empty() {
        put("Version", Val::String(doc.version.clone()), &mut value);
    }
    if let Some(id) = doc.id {
        put("Id", id, &mut value);
    }
    let mut statements = Vec::new();
    let mut partial_statements = Vec::new();
    for s in doc.statements {
        let mut map = serde_json::Map::new();
        let mut fields = BTreeMap::new();
        for (k, v) in s {
            match to_serde(&v) {
                Some(j) => {
                    map.insert(k.to_string(), j);
                }
                None => known = false,
            }
            fields.insert(k.to_string(), v);
        }
        statements.push(Value::Object(map));
        partial_statements.push(Val::Object(fields));
    }
    value.insert("Statement".into(), Value::Array(statements));
    partial.insert("Statement".into(), Val::List(partial_statements));
    if !known {
        let v = Val::PartialJson(Box::new(Val::Object(partial)));
        return (v.clone(), v);
    }
    let value = Value::Object(value);
    let pretty = serde_json::to_string_pretty(&value).map(|s| go_escape(&s));
    let compact = serde_json::to_string(&value).map(|s| go_escape(&s));
    match (pretty, compact) {
        (Ok(p), Ok(c)) => (Val::String(p), Val::String(c)),
        _ => (Val::Unknown, Val::Unknown),
    }
}

/// Go's JSON encoder escapes `<`, `>` and `&`; none of them occurs outside strings.
fn go_escape(s: &str) -> String {
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn to_serde(v: &Val) -> Option<Value> {
    let text = encode_json(v)?;
    serde_json::from_str(&text).ok()
}

/// The merged document, or `None` when which statements it has is unknown.
fn document(body: &BTreeMap<String, Val>) -> Option<Doc> {
    let mut merged = Doc::default();
    let list = |k: &str| -> Option<Vec<Val>> {
        match body.get(k) {
            None | Some(Val::Null) => Some(Vec::new()),
            Some(Val::List(items)) => Some(items.clone()),
            Some(_) => None,
        }
    };
    let single = |k: &str| -> Option<Vec<Val>> {
        match body.get(k) {
            None | Some(Val::Null) => Some(Vec::new()),
            Some(v) => Some(vec![v.clone()]),
        }
    };
    let mut sources = single("source_json")?;
    sources.extend(list("source_policy_documents")?);
    for s in sources {
        merged.merge(parse_document(&s)?)?;
    }
    let mut own = Doc {
        version: match body.get("version") {
            None | Some(Val::Null) => "2012-10-17".to_string(),
            Some(Val::String(v)) => v.clone(),
            Some(_) => return None,
        },
        id: body.get("policy_id").filter(|v| **v != Val::Null).cloned(),
        statements: Vec::new(),
    };
    let statements = match body.get("statement") {
        None | Some(Val::Null) => Vec::new(),
        Some(Val::List(items)) => items.clone(),
        Some(_) => return None,
    };
    for s in &statements {
        let Val::Object(fields) = s else { return None };
        own.statements.push(statement(fields)?);
    }
    merged.merge(own)?;
    let mut overrides = single("override_json")?;
    overrides.extend(list("override_policy_documents")?);
    for o in overrides {
        merged.merge(parse_document(&o)?)?;
    }
    Some(merged)
}

/// A set of strings as the provider writes it.
fn string_set(v: &Val) -> Option<Val> {
    match v {
        Val::Null => None,
        Val::List(items) if items.is_empty() => None,
        Val::List(items) => {
            let (mut known, unknown): (Vec<String>, Vec<Val>) = (
                items.iter().filter_map(|i| i.to_str()).collect(),
                items
                    .iter()
                    .filter(|i| i.to_str().is_none())
                    .cloned()
                    .collect(),
            );
            known.sort();
            known.reverse();
            known.dedup();
            if known.len() == 1 && unknown.is_empty() {
                return Some(Val::String(known.remove(0)));
            }
            let mut out: Vec<Val> = known.into_iter().map(Val::String).collect();
            out.extend(unknown.into_iter().map(|_| Val::Unknown));
            Some(Val::List(out))
        }
        other => Some(if other.is_known() {
            other.clone()
        } else {
            Val::Unknown
        }),
    }
}

fn field<'v>(fields: &'v BTreeMap<String, Val>, k: &str) -> Option<&'v Val> {
    fields.get(k).filter(|v| **v != Val::Null)
}

/// One `statement` block in the provider's shape.
fn statement(fields: &BTreeMap<String, Val>) -> Option<Statement> {
    let mut s: Statement = Vec::new();
    match field(fields, "sid") {
        Some(Val::String(x)) if x.is_empty() => {}
        Some(v) => s.push(("Sid", v.clone())),
        None => {}
    }
    s.push((
        "Effect",
        field(fields, "effect")
            .cloned()
            .unwrap_or_else(|| Val::String("Allow".into())),
    ));
    for (attr, key) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = field(fields, attr).and_then(string_set) {
            s.push((key, v));
        }
    }
    for (attr, key) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(v) = field(fields, attr) {
            if let Some(p) = principals(v) {
                s.push((key, p));
            }
        }
    }
    if let Some(v) = field(fields, "condition") {
        if let Some(c) = conditions(v) {
            s.push(("Condition", c));
        }
    }
    Some(s)
}

fn principals(v: &Val) -> Option<Val> {
    let Val::List(blocks) = v else {
        return Some(Val::Unknown);
    };
    if blocks.is_empty() {
        return None;
    }
    if let [Val::Object(p)] = blocks.as_slice() {
        if p.get("type") == Some(&Val::String("*".into())) {
            return Some(Val::String("*".into()));
        }
    }
    let mut out: BTreeMap<String, Val> = BTreeMap::new();
    for block in blocks {
        let Val::Object(p) = block else {
            return Some(Val::Unknown);
        };
        let Some(Val::String(ty)) = p.get("type") else {
            // Which key the identifiers go under is unknown.
            return Some(Val::Unknown);
        };
        let ids = p
            .get("identifiers")
            .and_then(string_set)
            .unwrap_or(Val::List(vec![]));
        combine(&mut out, ty, ids);
    }
    Some(Val::Object(out))
}

/// Several blocks for one key: their values together, as a list.
fn combine(out: &mut BTreeMap<String, Val>, key: &str, v: Val) {
    let merged = match (out.remove(key), v) {
        (None, v) => v,
        (Some(Val::List(mut a)), Val::List(b)) => {
            a.extend(b);
            Val::List(a)
        }
        (Some(Val::List(mut a)), b) => {
            a.push(b);
            Val::List(a)
        }
        (Some(a), Val::List(b)) => {
            let mut l = vec![a];
            l.extend(b);
            Val::List(l)
        }
        (Some(a), b) => Val::List(vec![a, b]),
    };
    out.insert(key.to_string(), merged);
}

fn conditions(v: &Val) -> Option<Val> {
    let Val::List(blocks) = v else {
        return Some(Val::Unknown);
    };
    if blocks.is_empty() {
        return None;
    }
    let mut out: BTreeMap<String, BTreeMap<String, Val>> = BTreeMap::new();
    for block in blocks {
        let Val::Object(c) = block else {
            return Some(Val::Unknown);
        };
        let (Some(Val::String(test)), Some(Val::String(var))) = (c.get("test"), c.get("variable"))
        else {
            return Some(Val::Unknown);
        };
        let values = c
            .get("values")
            .and_then(string_set)
            .unwrap_or(Val::List(vec![]));
        combine(out.entry(test.clone()).or_default(), var, values);
    }
    Some(Val::Object(
        out.into_iter().map(|(k, v)| (k, Val::Object(v))).collect(),
    ))
}

/// A JSON policy document given as a source or override, as the provider reads it back.
/// A document with unknown parts (built by `jsonencode` or another policy document from
/// unknown values) is read from its structure; `None` when even that is unknown.
fn parse_document(v: &Val) -> Option<Doc> {
    let decoded = match v {
        Val::String(text) => Val::from_json(&serde_json::from_str::<Value>(text).ok()?),
        Val::PartialJson(inner) => (**inner).clone(),
        _ => return None,
    };
    let Val::Object(obj) = decoded else {
        return None;
    };
    let mut doc = Doc {
        version: match obj.get("Version") {
            None => String::new(),
            Some(Val::String(v)) => v.clone(),
            Some(_) => return None,
        },
        id: obj.get("Id").cloned(),
        statements: Vec::new(),
    };
    let statements: Vec<&Val> = match obj.get("Statement") {
        Some(Val::List(items)) => items.iter().collect(),
        Some(s @ Val::Object(_)) => vec![s],
        None => Vec::new(),
        Some(_) => return None,
    };
    for st in statements {
        let Val::Object(st) = st else { return None };
        let mut s: Statement = Vec::new();
        for key in [
            "Sid",
            "Effect",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Principal",
            "NotPrincipal",
            "Condition",
        ] {
            let Some(v) = st.get(key) else { continue };
            let v = match v {
                Val::List(items) if items.len() == 1 => items[0].clone(),
                Val::String(s) if s.is_empty() && key == "Sid" => continue,
                _ => v.clone(),
            };
            s.push((key, v));
        }
        doc.statements.push(s);
    }
    Some(doc)
}

impl Scope<'_> {
    /// `data.aws_iam_policy_document.<name>` as a value: its arguments, and `json` and
    /// `minified_json` rendered (`id` is unknown). A list or map of them with `count` or
    /// `for_each`. `None` when the module declares no such data source.
    pub(crate) fn doc_value(&self, name: &str) -> Option<Rc<Val>> {
        let address = format!("data.{POLICY_DOCUMENT}.{name}");
        let rb = &self.config.resources[*self.config.resource_index.get(&address)?];
        match self.doc_memo(name) {
            Some(Some(v)) => return Some(v),
            // Documents that include each other: Terraform rejects the cycle.
            Some(None) => return Some(Rc::new(Val::Unknown)),
            None => self.doc_start(name),
        }
        let one = |b: &Bindings| {
            let mut body = body_value(self, rb, b);
            let (json, minified) = render(&body);
            body.insert("json".into(), json);
            body.insert("minified_json".into(), minified);
            body.insert("id".into(), Val::Unknown);
            Val::Object(body)
        };
        let instances = self.at(rb.src, header_span(rb.block), || {
            self.instances(&rb.block.body, &Bindings::default())
        });
        let value = match instances {
            Instances::Single(b) => one(&b),
            Instances::Unknown(_) => Val::Unknown,
            Instances::Keyed {
                by_count: true,
                instances,
            } => Val::List(instances.iter().map(|(_, _, b)| one(b)).collect()),
            Instances::Keyed { instances, .. } => Val::Object(
                instances
                    .iter()
                    .filter_map(|(k, _, b)| Some((k.to_str()?, one(b))))
                    .collect(),
            ),
        };
        let value = Rc::new(value);
        self.doc_done(name, value.clone());
        Some(value)
    }
}
