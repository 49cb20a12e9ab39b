//! Reading typed settings into provider-shaped values, with their spans, unknown paths
//! and errors. Shared by every resource the settings file produces.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use soc2gate_model::{AttrPath, Span};

use crate::errors::Errors;
use crate::node::{Entry, Mapping, Node, Shape};

/// How a scalar setting is read.
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// `true` or `false`.
    Bool,
    /// `true`, `false`, or the REST API's `{enabled: true}`.
    Flag,
    /// A whole number from 0 to the given maximum.
    Count(i64),
    /// A string; an integer is read as its decimal text, as the settings app sends it.
    Str,
}

impl Kind {
    fn expected(self) -> String {
        match self {
            Kind::Bool => "a boolean (true or false)".into(),
            Kind::Flag => "a boolean (true or false) or a mapping like `{enabled: true}`".into(),
            Kind::Count(max) => format!("a whole number from 0 to {max}"),
            Kind::Str => "a string".into(),
        }
    }
}

/// Appended to every help text about a value that could not be read.
const UNKNOWN_NOTE: &str = "until it is fixed, soc2gate treats this setting as unknown";

/// What one resource records besides its values: the paths that cannot be known and the
/// span of every setting it read.
pub(crate) struct Record<'e, 'f> {
    pub errors: &'e mut Errors<'f>,
    pub unknown: Vec<String>,
    pub spans: BTreeMap<String, Span>,
}

impl<'e, 'f> Record<'e, 'f> {
    pub fn new(errors: &'e mut Errors<'f>) -> Self {
        Record {
            errors,
            unknown: Vec::new(),
            spans: BTreeMap::new(),
        }
    }

    pub fn unknown(&mut self, path: &AttrPath) {
        self.unknown.push(path.to_string());
    }

    pub fn span(&mut self, path: &AttrPath, span: Span) {
        self.spans.insert(path.to_string(), span);
    }

    /// Reads `key` of `map` into `obj[name]`, where `at` is the path of `obj`.
    pub fn scalar(
        &mut self,
        map: &Mapping<'_>,
        key: &str,
        kind: Kind,
        obj: &mut Map<String, Value>,
        at: &AttrPath,
        name: &str,
    ) {
        let Some(entry) = map.get(key) else {
            return;
        };
        let path = at.key(name);
        self.span(&path, entry.span());
        if let Some(value) = self.value(entry, kind, &path) {
            obj.insert(name.to_string(), value);
        }
    }

    /// The value of an entry, or `None` when it is `null` (not configured), a template
    /// (listed as unknown) or of the wrong type (an error, and listed as unknown).
    pub fn value(&mut self, entry: Entry<'_>, kind: Kind, path: &AttrPath) -> Option<Value> {
        let node = entry.value;
        if node.is_null() {
            return None;
        }
        if node.is_template() {
            self.unknown(path);
            return None;
        }
        let value = match (kind, node.shape()) {
            (Kind::Bool | Kind::Flag, Shape::Bool(b)) => Some(Value::Bool(b)),
            (Kind::Flag, Shape::Map(_)) => {
                let map = node.mapping(self.errors)?;
                if let Some(enabled) = map.get("enabled") {
                    return self.value(enabled, Kind::Bool, path);
                }
                None
            }
            (Kind::Count(max), Shape::Int(n)) if (0..=max).contains(&n) => Some(Value::from(n)),
            (Kind::Str, Shape::Str(s)) => Some(Value::from(s)),
            (Kind::Str, Shape::Int(n)) => Some(Value::from(n.to_string())),
            _ => None,
        };
        if value.is_none() {
            self.wrong(entry, &kind.expected(), path);
        }
        value
    }

    /// Reports an entry whose value has the wrong shape and marks its path unknown.
    pub fn wrong(&mut self, entry: Entry<'_>, expected: &str, path: &AttrPath) {
        let key = entry.key.as_str().unwrap_or("this setting");
        self.errors.at(
            entry.value.span(),
            format!(
                "`{key}` must be {expected}, found {}",
                entry.value.describe()
            ),
            format!("write {expected}; {UNKNOWN_NOTE}"),
        );
        self.unknown(path);
    }

    /// One string of a list at `path`: `null` in its place when it is a template or not a
    /// string, so the indices of the others stay true.
    pub fn string_item(&mut self, node: Node<'_>, path: &AttrPath) -> Value {
        self.span(path, node.span());
        match node.shape() {
            _ if node.is_template() => {}
            Shape::Str(s) => return Value::from(s),
            Shape::Int(n) => return Value::from(n.to_string()),
            _ => {
                self.errors.at(
                    node.span(),
                    format!("expected a string in this list, found {}", node.describe()),
                    format!("write a string; {UNKNOWN_NOTE}"),
                );
            }
        }
        self.unknown(path);
        Value::Null
    }

    /// A list of strings at `path`. With `comma_separated`, a single string such as
    /// `"a, b"` is read as the list `["a", "b"]`.
    pub fn strings(
        &mut self,
        entry: Entry<'_>,
        path: &AttrPath,
        comma_separated: bool,
    ) -> Option<Vec<Value>> {
        let node = entry.value;
        if node.is_null() {
            return None;
        }
        if node.is_template() {
            self.unknown(path);
            return None;
        }
        match (node.items(), node.shape()) {
            (Some(items), _) => Some(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.string_item(*item, &path.index(i)))
                    .collect(),
            ),
            (None, Shape::Str(s)) if comma_separated => Some(
                s.split(',')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(Value::from)
                    .collect(),
            ),
            _ => {
                self.wrong(entry, "a list of strings", path);
                None
            }
        }
    }

    /// A nested block: `key` of `map` is a mapping that becomes the single object of the
    /// list `name` (the provider's block shape). Records the entry at `name` and the YAML key
    /// at `name[0]`, so a finding about a field missing inside points at the key's line.
    /// `None` when the block is absent, `null`, a template or of the wrong type.
    pub fn block<'a>(
        &mut self,
        map: &Mapping<'a>,
        key: &str,
        at: &AttrPath,
        name: &str,
    ) -> Option<(AttrPath, Mapping<'a>)> {
        let entry = map.get(key)?;
        let path = at.key(name);
        self.span(&path, entry.span());
        let node = entry.value;
        if node.is_null() {
            return None;
        }
        if node.is_template() {
            self.unknown(&path);
            return None;
        }
        match node.mapping(self.errors) {
            Some(block) => {
                let item = path.index(0);
                self.span(&item, entry.key.span());
                Some((item, block))
            }
            None => {
                self.wrong(entry, "a mapping of settings", &path);
                None
            }
        }
    }

    /// The resource's unknown paths, sorted, without repeats.
    pub fn take_unknown(&mut self) -> Vec<String> {
        let mut unknown = std::mem::take(&mut self.unknown);
        unknown.sort();
        unknown.dedup();
        unknown
    }
}
