//! A read-only view over saphyr's [`MarkedYaml`] tree that speaks byte spans and hides
//! YAML details the mapping code should not care about (tags, merge keys, flow brackets).

use saphyr::{AnnotatedMapping, MarkedYaml, Marker, Scalar, YamlData};
use soc2gate_model::Span;

use crate::errors::Errors;

/// The source text with a table from saphyr's character indices to byte offsets.
pub(crate) struct Text<'a> {
    pub text: &'a str,
    /// Byte offset of every character, plus the text length at the end.
    byte_of_char: Vec<usize>,
}

impl<'a> Text<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut byte_of_char: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        byte_of_char.push(text.len());
        Text { text, byte_of_char }
    }

    /// The byte offset of a parser marker (its character index, clamped to the text).
    pub fn byte(&self, mark: &Marker) -> usize {
        let last = self.byte_of_char.len() - 1;
        self.byte_of_char[mark.index().min(last)]
    }
}

/// What a node holds, with tags looked through.
pub(crate) enum Shape<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float,
    Str(&'a str),
    Seq(&'a [MarkedYaml<'a>]),
    Map(&'a AnnotatedMapping<'a, MarkedYaml<'a>>),
    /// An unresolvable alias or a value its tag could not represent.
    Invalid,
}

/// One node of the document, able to report where it is.
#[derive(Clone, Copy)]
pub(crate) struct Node<'a> {
    yaml: &'a MarkedYaml<'a>,
    text: &'a Text<'a>,
}

impl<'a> Node<'a> {
    pub fn new(yaml: &'a MarkedYaml<'a>, text: &'a Text<'a>) -> Self {
        Node { yaml, text }
    }

    /// The node's data. A custom tag (`!foo bar`) keeps its inner value: the settings app
    /// reads the value, not the tag.
    fn data(&self) -> &'a YamlData<'a, MarkedYaml<'a>> {
        let mut data = &self.yaml.data;
        while let YamlData::Tagged(_, inner) = data {
            data = &inner.data;
        }
        data
    }

    pub fn shape(&self) -> Shape<'a> {
        match self.data() {
            YamlData::Value(Scalar::Null) => Shape::Null,
            YamlData::Value(Scalar::Boolean(b)) => Shape::Bool(*b),
            YamlData::Value(Scalar::Integer(i)) => Shape::Int(*i),
            YamlData::Value(Scalar::FloatingPoint(_)) => Shape::Float,
            YamlData::Value(Scalar::String(s)) => Shape::Str(s),
            YamlData::Sequence(items) => Shape::Seq(items),
            YamlData::Mapping(map) => Shape::Map(map),
            _ => Shape::Invalid,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.shape(), Shape::Null)
    }

    /// The byte offset where the node starts.
    pub fn start(&self) -> usize {
        self.text.byte(&self.yaml.span.start)
    }

    /// The byte offset just past the node's last character.
    ///
    /// saphyr ends a block collection where the next token starts (possibly lines later,
    /// after comments) and a flow collection at its closing bracket; neither is what a
    /// diagnostic should underline. A flow collection therefore ends after its bracket and
    /// a block collection where its last entry ends. The walk is a loop, not a recursion,
    /// so no input can exhaust the stack here.
    pub fn end(&self) -> usize {
        let mut node = *self;
        loop {
            let end = node.text.byte(&node.yaml.span.end);
            let last = match node.shape() {
                Shape::Seq(items) => items.last().map(|n| Node::new(n, node.text)),
                Shape::Map(map) => map.iter().next_back().map(|(_, v)| Node::new(v, node.text)),
                // A block scalar (`|`, `>`) ends where the next token starts; its
                // trailing line breaks are not part of what was written.
                _ => {
                    let start = node.start();
                    let written = node.text.text[start..end.max(start)].trim_end();
                    return start + written.len();
                }
            };
            if matches!(node.text.text[end..].chars().next(), Some(']' | '}')) {
                return end + 1;
            }
            match last {
                Some(child) => node = child,
                None => return end.max(node.start()),
            }
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }

    /// The node's text as written.
    pub fn source(&self) -> &'a str {
        let span = self.span();
        self.text.text.get(span.start..span.end).unwrap_or("")
    }

    /// True for a value filled in by a template engine before the file is used: a string
    /// such as `${{ inputs.count }}` or `{{ count }}`, or the same written without quotes,
    /// which YAML reads as a flow mapping.
    pub fn is_template(&self) -> bool {
        match self.shape() {
            Shape::Str(s) => s.find("{{").is_some_and(|open| s[open..].contains("}}")),
            Shape::Map(_) => self.source().starts_with("{{"),
            _ => false,
        }
    }

    /// The key text when this node is a string (the only keys the settings format uses).
    pub fn as_str(&self) -> Option<&'a str> {
        match self.shape() {
            Shape::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The items of a sequence.
    pub fn items(&self) -> Option<Vec<Node<'a>>> {
        match self.shape() {
            Shape::Seq(items) => Some(items.iter().map(|n| Node::new(n, self.text)).collect()),
            _ => None,
        }
    }

    /// How an error message names what was found instead of the expected value.
    pub fn describe(&self) -> String {
        match self.shape() {
            Shape::Null => "null".into(),
            Shape::Bool(b) => format!("the boolean {b}"),
            Shape::Int(i) => format!("the integer {i}"),
            Shape::Float => format!("the number {}", self.source()),
            Shape::Str(s) => format!("the string {}", serde_json::Value::from(s)),
            Shape::Seq(_) => "a list".into(),
            Shape::Map(_) => "a mapping".into(),
            Shape::Invalid => "a value that cannot be read".into(),
        }
    }

    /// The entries of a mapping with YAML merge keys (`<<: *defaults`) applied, as the
    /// settings app's YAML reader applies them: keys written in the mapping win over merged
    /// ones, and earlier merged mappings win over later ones.
    pub fn mapping(&self, errors: &mut Errors<'_>) -> Option<Mapping<'a>> {
        let Shape::Map(map) = self.shape() else {
            return None;
        };
        let mut entries = Vec::new();
        let mut merges = Vec::new();
        for (k, v) in map.iter() {
            let key = Node::new(k, self.text);
            let value = Node::new(v, self.text);
            // A quoted "<<" is an ordinary key; only the plain indicator merges.
            if key.as_str() == Some("<<") && key.source() == "<<" {
                merges.push((key, value));
            } else {
                entries.push(Entry { key, value });
            }
        }
        for (key, value) in merges {
            let sources = value.items().unwrap_or_else(|| vec![value]);
            for source in sources {
                match source.mapping(errors) {
                    Some(merged) => {
                        for entry in merged.entries {
                            let name = entry.key.as_str();
                            if !entries.iter().any(|e| e.key.as_str() == name) {
                                entries.push(entry);
                            }
                        }
                    }
                    None => errors.at(
                        Span::new(key.start(), value.end()),
                        format!(
                            "a merge key `<<` takes mappings, found {}",
                            source.describe()
                        ),
                        "merge a mapping (`<<: *defaults`) or a list of mappings; this merge \
                         was not applied",
                    ),
                }
            }
        }
        Some(Mapping { entries })
    }
}

/// A key and its value.
#[derive(Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub key: Node<'a>,
    pub value: Node<'a>,
}

impl Entry<'_> {
    /// From the key's first character to the value's last: what a finding about this
    /// setting underlines.
    pub fn span(&self) -> Span {
        Span::new(self.key.start(), self.value.end().max(self.key.end()))
    }
}

/// A mapping's entries after merge keys were applied.
pub(crate) struct Mapping<'a> {
    pub entries: Vec<Entry<'a>>,
}

impl<'a> Mapping<'a> {
    pub fn get(&self, key: &str) -> Option<Entry<'a>> {
        self.entries
            .iter()
            .find(|e| e.key.as_str() == Some(key))
            .copied()
    }

    /// The value of `key` unless it is absent or `null` (both mean "not configured").
    pub fn configured(&self, key: &str) -> Option<Entry<'a>> {
        self.get(key).filter(|e| !e.value.is_null())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}
