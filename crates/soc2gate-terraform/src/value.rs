//! The evaluator's values: JSON-shaped, except that any part may be unknown, and their
//! conversion into the policy input (`values` plus the `unknown` paths).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

/// A Terraform value as far as it can be known without planning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// Lists, tuples and sets alike: policies read them the same way.
    List(Vec<Val>),
    /// Objects and maps alike; keys sorted as Terraform sorts them.
    Object(BTreeMap<String, Val>),
    /// Cannot be known statically: a computed attribute, a variable without a value, a
    /// function the evaluator does not have, or an evaluation error.
    Unknown,
    /// What Terraform would reject: an attribute a known object lacks, an index past the
    /// end of a known list, a function called with invalid known arguments. It behaves
    /// exactly like `Unknown` everywhere except in `try` and `can`, which Terraform
    /// defines by whether their argument fails; an unknown argument never fails.
    Error,
    /// A JSON document string with unknown parts. Every operation sees an unknown string
    /// (its text is not known), but the policy input gets the decoded structure so that
    /// IAM and bucket policies stay readable.
    PartialJson(Box<Val>),
}

impl Val {
    /// True when this value itself can be used by an operation.
    pub(crate) fn is_known(&self) -> bool {
        !matches!(self, Val::Unknown | Val::Error | Val::PartialJson(_))
    }

    /// True for an evaluation error (see [`Val::Error`]).
    pub(crate) fn is_error(&self) -> bool {
        matches!(self, Val::Error)
    }

    /// True when nothing inside the value is unknown.
    pub(crate) fn is_wholly_known(&self) -> bool {
        match self {
            Val::Unknown | Val::Error | Val::PartialJson(_) => false,
            Val::List(items) => items.iter().all(Val::is_wholly_known),
            Val::Object(fields) => fields.values().all(Val::is_wholly_known),
            _ => true,
        }
    }

    /// The value as a string where Terraform converts it implicitly (string, number, bool).
    pub(crate) fn to_str(&self) -> Option<String> {
        match self {
            Val::String(s) => Some(s.clone()),
            Val::Number(n) => Some(number_text(*n)),
            Val::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The value as a number where Terraform converts it implicitly (number, numeric string).
    pub(crate) fn to_number(&self) -> Option<f64> {
        match self {
            Val::Number(n) => Some(*n),
            Val::String(s) => s.trim().parse::<f64>().ok().filter(|n| n.is_finite()),
            _ => None,
        }
    }

    /// The value as a bool where Terraform converts it implicitly (bool, "true"/"false").
    pub(crate) fn to_bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::String(s) if s == "true" => Some(true),
            Val::String(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    /// Converts into the policy input at `path` (text form). Unknown parts are left out
    /// (objects) or kept as `null` (lists, so indices stay true) and their paths pushed to
    /// `unknown`; `None` (with `path` pushed) when the value itself is unknown. A null is
    /// left out too, but not listed: in Terraform an argument set to null is an argument
    /// not set, and in a decoded document (`NotAction = null`) a key with a null value is
    /// read as no key.
    pub(crate) fn into_json(self, path: &str, unknown: &mut Vec<String>) -> Option<Value> {
        let mut stack = PathStack {
            text: path.to_string(),
        };
        self.into_json_at(&mut stack, unknown)
    }

    fn into_json_at(self, path: &mut PathStack, unknown: &mut Vec<String>) -> Option<Value> {
        match self {
            Val::Unknown | Val::Error => {
                unknown.push(path.text.clone());
                None
            }
            Val::PartialJson(inner) => inner.into_json_at(path, unknown),
            Val::Null => None,
            Val::Bool(b) => Some(Value::Bool(b)),
            Val::Number(n) => match json_number(n) {
                Some(v) => Some(v),
                None => {
                    unknown.push(path.text.clone());
                    None
                }
            },
            Val::String(s) => Some(Value::String(s)),
            Val::List(items) => Some(Value::Array(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let len = path.push_index(i);
                        let j = v.into_json_at(path, unknown).unwrap_or(Value::Null);
                        path.truncate(len);
                        j
                    })
                    .collect(),
            )),
            Val::Object(fields) => {
                let mut map = Map::new();
                for (k, v) in fields {
                    let len = path.push_key(&k);
                    if let Some(j) = v.into_json_at(path, unknown) {
                        map.insert(k, j);
                    }
                    path.truncate(len);
                }
                Some(Value::Object(map))
            }
        }
    }

    /// A decoded JSON value (`jsondecode`, tfvars never produce these).
    pub(crate) fn from_json(value: &Value) -> Val {
        match value {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => n.as_f64().map_or(Val::Unknown, Val::Number),
            Value::String(s) if s.contains(HOLE_START) => Val::Unknown,
            Value::String(s) => Val::String(s.clone()),
            Value::Array(items) => Val::List(items.iter().map(Val::from_json).collect()),
            Value::Object(fields) => {
                // An unknown key leaves the whole object's shape unknown.
                if fields.keys().any(|k| k.contains(HOLE_START)) {
                    return Val::Unknown;
                }
                Val::Object(
                    fields
                        .iter()
                        .map(|(k, v)| (k.clone(), Val::from_json(v)))
                        .collect(),
                )
            }
        }
    }
}

/// An attribute path in text form, grown and shrunk while walking a value.
struct PathStack {
    text: String,
}

impl PathStack {
    /// Appends a key; returns the length to truncate back to.
    fn push_key(&mut self, key: &str) -> usize {
        let len = self.text.len();
        push_key(&mut self.text, key);
        len
    }

    fn push_index(&mut self, i: usize) -> usize {
        let len = self.text.len();
        push_index(&mut self.text, i);
        len
    }

    fn truncate(&mut self, len: usize) {
        self.text.truncate(len);
    }
}

/// Appends `.key` (or `key` at the root, or `["key"]` when it is not an identifier) to a
/// path in text form, as `soc2gate_model::AttrPath` displays it.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let mut chars = key.chars();
    let ident = matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident {
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::to_string(key).unwrap_or_default());
        path.push(']');
    }
}

/// Appends `[i]` to a path in text form.
pub(crate) fn push_index(path: &mut String, i: usize) {
    let _ = write!(path, "[{i}]");
}

/// The text path of `key` under `path`.
pub(crate) fn key_path(path: &str, key: &str) -> String {
    let mut p = String::with_capacity(path.len() + key.len() + 1);
    p.push_str(path);
    push_key(&mut p, key);
    p
}

/// The text path of element `i` under `path`.
pub(crate) fn index_path(path: &str, i: usize) -> String {
    let mut p = String::with_capacity(path.len() + 4);
    p.push_str(path);
    push_index(&mut p, i);
    p
}

/// Terraform's number formatting in strings: integers without a fraction.
pub(crate) fn number_text(n: f64) -> String {
    if n == 0.0 {
        // Also turns -0 into 0.
        "0".to_string()
    } else {
        format!("{n}")
    }
}

fn json_number(n: f64) -> Option<Value> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        // Integral values print without ".0", as Terraform prints them.
        Some(Value::from(n as i64))
    } else {
        serde_json::Number::from_f64(n).map(Value::Number)
    }
}

/// Terraform's `jsonencode`: compact, keys sorted, `<`, `>`, `&`, U+2028 and U+2029
/// escaped. `None` when a part is unknown or a number cannot be encoded.
pub(crate) fn encode_json(val: &Val) -> Option<String> {
    let mut out = String::new();
    encode_into(val, &mut out)?;
    Some(out)
}

fn encode_into(val: &Val, out: &mut String) -> Option<()> {
    match val {
        Val::Unknown | Val::Error | Val::PartialJson(_) => return None,
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Number(n) => out.push_str(&json_number(*n)?.to_string()),
        Val::String(s) => encode_string(s, out),
        Val::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                encode_into(item, out)?;
            }
            out.push(']');
        }
        Val::Object(fields) => {
            out.push('{');
            for (i, (k, v)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                encode_string(k, out);
                out.push(':');
                encode_into(v, out)?;
            }
            out.push('}');
        }
    }
    Some(())
}

/// A JSON string literal with Terraform's escapes (also used by `format("%q")`).
pub(crate) fn encode_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

// Placeholders stand for unknown interpolations in a template's text while it is tried
// as JSON. Private-use characters do not occur in real Terraform sources.
const HOLE_START: char = '\u{E000}';
const HOLE_END: char = '\u{E001}';

/// The placeholder for the `n`th unknown interpolation of a template.
pub(crate) fn hole(n: usize) -> String {
    format!("{HOLE_START}{n}{HOLE_END}")
}

/// Reads a template's text with placeholders as a JSON document. A placeholder inside a
/// JSON string makes that string unknown; one standing alone (`"Version": ${var.v}`) is an
/// unknown value. `None` when the text is not a JSON object or array.
pub(crate) fn partial_json(text: &str) -> Option<Val> {
    let trimmed = text.trim_start();
    if !(trimmed.starts_with('{') || trimmed.starts_with('[')) {
        return None;
    }
    let value: Value = serde_json::from_str(&quote_bare_holes(text)).ok()?;
    match Val::from_json(&value) {
        v @ (Val::Object(_) | Val::List(_)) => Some(v),
        _ => None,
    }
}

/// Wraps placeholders that stand outside JSON strings in quotes, so that the document
/// parses and the placeholder becomes an unknown leaf.
fn quote_bare_holes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut in_string = false;
    let mut escaped = false;
    let mut in_bare_hole = false;
    for c in text.chars() {
        if in_bare_hole {
            out.push(c);
            if c == HOLE_END {
                out.push('"');
                in_bare_hole = false;
            }
            continue;
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == HOLE_START {
            out.push('"');
            in_bare_hole = true;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(fields: &[(&str, Val)]) -> Val {
        Val::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn unknown_parts_are_null_in_lists_and_absent_in_objects() {
        let v = obj(&[
            ("a", Val::List(vec![Val::Number(1.0), Val::Unknown])),
            ("b", Val::Unknown),
            ("c", Val::String("x".into())),
            ("d", Val::Null),
            ("e", Val::List(vec![Val::Null, Val::Bool(true)])),
        ]);
        let mut unknown = vec![];
        let json = v.into_json("t", &mut unknown).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"a": [1, null], "c": "x", "e": [null, true]})
        );
        assert_eq!(unknown, ["t.a[1]", "t.b"]);
        assert_eq!(Val::Null.into_json("t", &mut unknown), None);
        assert_eq!(unknown.len(), 2);
    }

    #[test]
    fn text_paths_match_attr_paths() {
        use soc2gate_model::AttrPath;
        let p = index_path(&key_path(&key_path("", "tags"), "kubernetes.io/role"), 2);
        assert_eq!(
            p,
            AttrPath::root()
                .key("tags")
                .key("kubernetes.io/role")
                .index(2)
                .to_string()
        );
        assert_eq!(key_path("a[0]", "b-c"), "a[0].b-c");
    }

    #[test]
    fn encodes_like_terraform() {
        let v = obj(&[
            ("b", Val::List(vec![Val::Number(1.0), Val::Number(1.5)])),
            ("a", Val::String("<x & \"y\">\n".into())),
            ("c", Val::Null),
        ]);
        assert_eq!(
            encode_json(&v).unwrap(),
            r#"{"a":"\u003cx \u0026 \"y\"\u003e\n","b":[1,1.5],"c":null}"#
        );
        assert_eq!(encode_json(&Val::List(vec![Val::Unknown])), None);
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(0.25), "0.25");
    }

    #[test]
    fn placeholders_become_unknown_leaves() {
        let text = format!(
            r#"{{"Resource": ["{}/*", "arn:x"], "Version": {}, "K": {{"{}": 1}}}}"#,
            hole(0),
            hole(1),
            hole(2)
        );
        let v = partial_json(&text).unwrap();
        assert_eq!(
            v,
            obj(&[
                (
                    "Resource",
                    Val::List(vec![Val::Unknown, Val::String("arn:x".into())])
                ),
                ("Version", Val::Unknown),
                ("K", Val::Unknown),
            ])
        );
        assert_eq!(partial_json(&hole(0)), None);
        assert_eq!(partial_json(&format!("{{ not json {} }}", hole(0))), None);
    }
}
