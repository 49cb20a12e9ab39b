//! Terraform's JSON configuration syntax (`.tf.json`). The file is rewritten as the
//! equivalent HCL, with a map from every piece of the generated text back to the JSON
//! value it came from, and then loaded like any `.tf` file: one evaluator, one set of
//! rules, and findings that point at the JSON's lines.
//!
//! JSON does not say whether an object is a nested block or a map-typed argument; that
//! is in the provider's schema, which a static scan does not have. An object is read as
//! a nested block unless its name is a well-known map argument (`tags`, `labels`, ...)
//! or one of its keys is not an identifier; an array of objects is a list of blocks,
//! which normalizes to the same list of objects either way.

use hcl_edit::structure::Body;
use soc2gate_model::{LoadError, SourceFile, Span};

use crate::json::{self, JKind, JMember, JValue};

/// Map-typed arguments common across providers: as objects they are maps, not blocks.
const MAP_ARGUMENTS: &[&str] = &[
    "tags",
    "tags_all",
    "labels",
    "annotations",
    "variables",
    "environment_variables",
    "parameters",
    "triggers",
    "metadata",
];

/// Meta-arguments and blocks that carry nothing a policy reads.
const SKIPPED: &[&str] = &[
    "//",
    "depends_on",
    "provider",
    "providers",
    "lifecycle",
    "provisioner",
    "connection",
];

/// An expression the evaluator cannot know (`terraform.*` is never known statically),
/// written where a JSON value is invalid.
const UNKNOWN: &str = "terraform.soc2gate_invalid_value";

const INVALID_HELP: &str =
    "fix this value; soc2gate treated it as unknown, so checks on it may be missing";
const DUPLICATE_HELP: &str =
    "remove one of them; Terraform rejects this, and soc2gate used the first";

/// A piece of generated text and the JSON span it stands for.
#[derive(Debug, Clone)]
struct Chunk {
    start: usize,
    end: usize,
    json: Span,
}

/// Generated offsets -> JSON offsets.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    chunks: Vec<Chunk>,
}

impl OffsetMap {
    /// The JSON span of a generated span: from the start of the JSON value where the span
    /// starts to the end of the one where it ends.
    pub(crate) fn span(&self, span: Span) -> Span {
        if self.chunks.is_empty() {
            return Span::default();
        }
        // The first chunk that ends after the start.
        let i = self.chunks.partition_point(|c| c.end <= span.start);
        let start = self.chunks.get(i).map_or_else(
            || self.chunks[self.chunks.len() - 1].json.end,
            |c| c.json.start,
        );
        // The last chunk that starts before the end.
        let j = self
            .chunks
            .partition_point(|c| c.start < span.end.max(span.start + 1));
        let end = if j == 0 {
            start
        } else {
            self.chunks[j - 1].json.end
        };
        Span::new(start, end.max(start))
    }
}

struct Writer<'t> {
    out: String,
    map: OffsetMap,
    errors: Vec<LoadError>,
    file: &'t SourceFile,
}

impl Writer<'_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn mapped(&mut self, s: &str, json: Span) {
        let start = self.out.len();
        self.out.push_str(s);
        self.map.chunks.push(Chunk {
            start,
            end: self.out.len(),
            json,
        });
    }

    fn error(&mut self, span: Span, message: String, help: &str) {
        self.errors.push(LoadError {
            location: self.file.locate(span),
            message,
            help: Some(help.to_string()),
        });
    }

    /// True when `v`, at `path` of the document, is an object; a load error otherwise,
    /// since Terraform rejects the file and skipping it silently would check nothing.
    fn is_object(&mut self, v: &JValue, path: &str) -> bool {
        if matches!(v.kind, JKind::Object(_)) {
            return true;
        }
        self.shape_error(v, path, "an object");
        false
    }

    /// The members of an object at `path`, or of every object of an array there (JSON
    /// syntax allows both where a block may repeat); anything else is a load error.
    fn objects<'j>(&mut self, v: &'j JValue, path: &str) -> Vec<&'j JMember> {
        match &v.kind {
            JKind::Object(members) => members.iter().collect(),
            JKind::Array(items) => {
                let mut members = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if self.is_object(item, &format!("{path}[{i}]")) {
                        members.extend(item.members());
                    }
                }
                members
            }
            _ => {
                self.shape_error(v, path, "an object");
                Vec::new()
            }
        }
    }

    fn shape_error(&mut self, v: &JValue, path: &str, expected: &str) {
        let found = match v.kind {
            JKind::Null => "null",
            JKind::Bool(_) => "a boolean",
            JKind::Number(_) => "a number",
            JKind::String(_) => "a string",
            JKind::Array(_) => "an array",
            JKind::Object(_) => "an object",
        };
        self.error(
            v.span,
            format!("`{path}` must be {expected}, not {found}"),
            "Terraform rejects this file; fix its structure (see Terraform's JSON configuration \
             syntax). soc2gate did not read what this part declares",
        );
    }

    fn duplicate(&mut self, m: &JMember) {
        let message = format!("\"{}\" is set more than once in this object", m.key);
        self.error(m.key_span, message, DUPLICATE_HELP);
    }

    /// Emits `members` as the body of a block kind.
    fn body(&mut self, value: &JValue, kind: Kind) {
        self.raw(" {\n");
        let mut seen: Vec<&str> = Vec::new();
        for m in value.members() {
            if SKIPPED.contains(&m.key.as_str()) {
                continue;
            }
            match kind {
                Kind::Resource => self.resource_member(m, &mut seen),
                Kind::Variable => match m.key.as_str() {
                    "default" => self.attribute(m, Mode::Literal, &mut seen),
                    "type" => self.type_attribute(m),
                    "nullable" => self.attribute(m, Mode::Literal, &mut seen),
                    _ => {}
                },
                Kind::Output => {
                    if m.key == "value" {
                        self.attribute(m, Mode::Template, &mut seen);
                    }
                }
                Kind::Attributes => self.attribute(m, Mode::Template, &mut seen),
            }
        }
        let close = Span::new(value.span.end.saturating_sub(1), value.span.end);
        self.mapped("}", close);
        self.raw("\n");
    }

    fn resource_member<'j>(&mut self, m: &'j JMember, seen: &mut Vec<&'j str>) {
        let key = m.key.as_str();
        if !is_ident(key) {
            return;
        }
        if key == "dynamic" {
            for label in each_object_member(&m.value) {
                self.dynamic(label);
            }
            return;
        }
        let blocks: Vec<&JValue> = match &m.value.kind {
            JKind::Object(members)
                if !MAP_ARGUMENTS.contains(&key) && members.iter().all(|m| is_ident(&m.key)) =>
            {
                vec![&m.value]
            }
            JKind::Array(items)
                if !items.is_empty()
                    && !MAP_ARGUMENTS.contains(&key)
                    && items.iter().all(|i| matches!(i.kind, JKind::Object(_))) =>
            {
                items.iter().collect()
            }
            _ => return self.attribute(m, Mode::Template, seen),
        };
        for block in blocks {
            self.mapped(key, m.key_span);
            self.body(block, Kind::Resource);
        }
    }

    /// `"dynamic": {"label": {"for_each": ..., "iterator": ..., "content": {...}}}`.
    fn dynamic(&mut self, label: &JMember) {
        self.mapped(&format!("dynamic {}", quote(&label.key)), label.key_span);
        self.raw(" {\n");
        let mut seen = Vec::new();
        for m in label.value.members() {
            match m.key.as_str() {
                "for_each" | "labels" => self.attribute(m, Mode::Template, &mut seen),
                "iterator" => {
                    if let Some(name) = m.value.as_str().filter(|n| is_ident(n)) {
                        self.mapped(&format!("iterator = {name}\n"), m.span());
                    }
                }
                "content" => {
                    self.mapped("content", m.key_span);
                    self.body(&m.value, Kind::Resource);
                }
                _ => {}
            }
        }
        let close = Span::new(label.value.span.end.saturating_sub(1), label.value.span.end);
        self.mapped("}", close);
        self.raw("\n");
    }

    fn type_attribute(&mut self, m: &JMember) {
        let Some(text) = m.value.as_str() else { return };
        if hcl_edit::parser::parse_expr(text).is_err() {
            self.error(
                m.value.span,
                format!("invalid type constraint `{text}`"),
                INVALID_HELP,
            );
            return;
        }
        self.mapped("type", m.key_span);
        self.raw(" = ");
        // Keep it on one line: a type has no meaningful line breaks.
        self.mapped(&text.replace(['\n', '\r'], " "), m.value.span);
        self.raw("\n");
    }

    fn attribute<'j>(&mut self, m: &'j JMember, mode: Mode, seen: &mut Vec<&'j str>) {
        if !is_ident(&m.key) {
            return;
        }
        if seen.contains(&m.key.as_str()) {
            self.duplicate(m);
            return;
        }
        seen.push(&m.key);
        self.mapped(&m.key, m.key_span);
        self.raw(" = ");
        self.expr(&m.value, mode);
        self.raw("\n");
    }

    fn expr(&mut self, v: &JValue, mode: Mode) {
        match &v.kind {
            JKind::Null => self.mapped("null", v.span),
            JKind::Bool(b) => self.mapped(if *b { "true" } else { "false" }, v.span),
            JKind::Number(text) => self.mapped(&format!("({text})"), v.span),
            JKind::String(s) => {
                let text = match mode {
                    Mode::Literal => format!("\"{}\"", escape_literal(s)),
                    Mode::Template => match template(s) {
                        Some(t) => t,
                        None => {
                            self.error(
                                v.span,
                                "invalid template expression in this string".into(),
                                INVALID_HELP,
                            );
                            // Evaluates to unknown: the value is not known, not absent.
                            UNKNOWN.to_string()
                        }
                    },
                };
                self.mapped(&text, v.span);
            }
            JKind::Array(items) => {
                self.mapped("[", Span::new(v.span.start, v.span.start + 1));
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.raw(",\n");
                    }
                    self.expr(item, mode);
                }
                self.mapped("]", Span::new(v.span.end - 1, v.span.end));
            }
            JKind::Object(members) => {
                self.mapped("{", Span::new(v.span.start, v.span.start + 1));
                let mut keys: Vec<&str> = Vec::new();
                for m in members {
                    if m.key == "//" {
                        continue;
                    }
                    if keys.contains(&m.key.as_str()) {
                        self.duplicate(m);
                        continue;
                    }
                    keys.push(&m.key);
                    self.raw("\n");
                    let key = match mode {
                        Mode::Template if m.key.contains("${") => match template(&m.key) {
                            Some(t) => format!("({t})"),
                            None => continue,
                        },
                        _ => format!("\"{}\"", escape_literal(&m.key)),
                    };
                    self.mapped(&key, m.key_span);
                    self.raw(" = ");
                    self.expr(&m.value, mode);
                }
                self.raw("\n");
                self.mapped("}", Span::new(v.span.end - 1, v.span.end));
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Resource,
    Variable,
    Output,
    Attributes,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// Strings are templates (`${...}` is evaluated), as in most of the file.
    Template,
    /// Strings are literal values (variable defaults).
    Literal,
}

fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn quote(s: &str) -> String {
    format!("\"{}\"", escape_literal(s))
}

/// The members of an object, or of every object in an array (JSON syntax allows both
/// wherever a block may repeat).
fn each_object_member(v: &JValue) -> Vec<&JMember> {
    match &v.kind {
        JKind::Object(members) => members.iter().collect(),
        JKind::Array(items) => items.iter().flat_map(|i| i.members()).collect(),
        _ => Vec::new(),
    }
}

fn escape_char(c: char, out: &mut String) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
        c => out.push(c),
    }
}

/// A literal string as an HCL quoted string: template sequences escaped.
fn escape_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if (c == '$' || c == '%') && chars.peek() == Some(&'{') {
            out.push(c);
        }
        escape_char(c, &mut out);
    }
    out
}

/// A JSON string holding a template, as an HCL quoted template: literal parts escaped,
/// `${...}` and `%{...}` sequences copied as written. `None` when a sequence is not a
/// valid template.
fn template(s: &str) -> Option<String> {
    if !s.contains("${") && !s.contains("%{") {
        let mut out = String::from("\"");
        for c in s.chars() {
            escape_char(c, &mut out);
        }
        out.push('"');
        return Some(out);
    }
    hcl_edit::parser::parse_template(s).ok()?;
    let mut out = String::from("\"");
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        if rest.starts_with("$${") || rest.starts_with("%%{") {
            out.push_str(&rest[..3]);
            i += 3;
        } else if rest.starts_with("${") || rest.starts_with("%{") {
            let end = sequence_end(s, i + 2);
            out.push_str(&s[i..end]);
            i = end;
        } else {
            let c = rest.chars().next()?;
            escape_char(c, &mut out);
            i += c.len_utf8();
        }
    }
    out.push('"');
    Some(out)
}

/// The end (exclusive) of a template sequence whose body starts at `i`: braces counted,
/// strings inside skipped (with their own nested sequences).
fn sequence_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    let mut depth = 1;
    while i < b.len() {
        match b[i] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    } else if (b[i] == b'$' || b[i] == b'%') && b.get(i + 1) == Some(&b'{') {
                        i = sequence_end(s, i + 2) - 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    s.len()
}

/// Rewrites a `.tf.json` file as HCL and parses it. Problems with single values are
/// returned beside the body; a file that is not JSON, or not an object, is an error.
pub(crate) fn to_hcl(file: &SourceFile) -> Result<(Body, OffsetMap, Vec<LoadError>), LoadError> {
    let root = json::parse(&file.text).map_err(|e| LoadError {
        location: file.locate(Span::new(e.offset, e.offset)),
        message: format!("JSON syntax error: {}", e.message),
        help: Some(
            "fix the syntax error; soc2gate did not scan this file, so its resources are not checked"
                .to_string(),
        ),
    })?;
    if !matches!(root.kind, JKind::Object(_)) {
        return Err(LoadError {
            location: file.locate(root.span),
            message: "a Terraform JSON file must hold one JSON object".to_string(),
            help: Some("see Terraform's JSON configuration syntax".to_string()),
        });
    }
    let mut w = Writer {
        out: String::new(),
        map: OffsetMap::default(),
        errors: Vec::new(),
        file,
    };
    for top in root.members() {
        let top_path = top.key.as_str();
        match top_path {
            kind @ ("resource" | "data") => {
                for rtype in w.objects(&top.value, top_path) {
                    let type_path = format!("{top_path}.{}", rtype.key);
                    for name in w.objects(&rtype.value, &type_path) {
                        let path = format!("{type_path}.{}", name.key);
                        // An array here would declare the same resource twice.
                        let body = match &name.value.kind {
                            JKind::Array(items) => items.first().unwrap_or(&name.value),
                            _ => &name.value,
                        };
                        if !w.is_object(body, &path) {
                            continue;
                        }
                        let header = format!("{kind} {} {}", quote(&rtype.key), quote(&name.key));
                        w.mapped(&header, name.key_span);
                        w.body(body, Kind::Resource);
                    }
                }
            }
            kind @ ("variable" | "module" | "output") => {
                for name in w.objects(&top.value, top_path) {
                    if !w.is_object(&name.value, &format!("{top_path}.{}", name.key)) {
                        continue;
                    }
                    w.mapped(&format!("{kind} {}", quote(&name.key)), name.key_span);
                    let body_kind = match kind {
                        "variable" => Kind::Variable,
                        "output" => Kind::Output,
                        _ => Kind::Attributes,
                    };
                    w.body(&name.value, body_kind);
                }
            }
            "locals" => {
                let blocks: Vec<&JValue> = match &top.value.kind {
                    JKind::Array(items) => items.iter().collect(),
                    _ => vec![&top.value],
                };
                for block in blocks {
                    if !w.is_object(block, top_path) {
                        continue;
                    }
                    w.mapped("locals", top.key_span);
                    w.body(block, Kind::Attributes);
                }
            }
            _ => {}
        }
    }
    let body = hcl_edit::parser::parse_body(&w.out).map_err(|e| {
        let offset = e.location().offset();
        LoadError {
            location: file.locate(w.map.span(Span::new(offset, offset + 1))),
            message: format!("could not read this JSON configuration: {}", e.message()),
            help: Some("soc2gate did not scan this file, so its resources are not checked".into()),
        }
    })?;
    Ok((body, w.map, w.errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_keep_sequences_and_escape_the_rest() {
        assert_eq!(template("a\"b").unwrap(), "\"a\\\"b\"");
        assert_eq!(
            template("${lookup(var.m, \"k\")}-x").unwrap(),
            "\"${lookup(var.m, \"k\")}-x\""
        );
        assert_eq!(template("$${keep} ${a}").unwrap(), "\"$${keep} ${a}\"");
        assert_eq!(template("${\"}\"}${x}").unwrap(), "\"${\"}\"}${x}\"");
        assert!(template("${").is_none());
        assert_eq!(escape_literal("${x}"), "$${x}");
    }

    #[test]
    fn offsets_map_back_to_the_json() {
        let text = "{\"resource\": {\"aws_s3_bucket\": {\"b\": {\"bucket\": \"x-${var.env}\", \"versioning\": {\"enabled\": true}}}}}";
        let file = SourceFile::new("main.tf.json", text);
        let (body, map, errors) = to_hcl(&file).unwrap();
        assert!(errors.is_empty());
        let block = body.blocks().next().unwrap();
        let header = crate::normalize::header_span(block);
        let s = map.span(header);
        assert_eq!(&text[s.start..s.end], "\"b\"");
        let attr = block.body.get_attribute("bucket").unwrap();
        let s = map.span(hcl_edit::Span::span(attr).unwrap().into());
        assert_eq!(&text[s.start..s.end], "\"bucket\": \"x-${var.env}\"");
        let nested = block.body.get_blocks("versioning").next().unwrap();
        let s = map.span(hcl_edit::Span::span(nested).unwrap().into());
        assert_eq!(&text[s.start..s.end], "\"versioning\": {\"enabled\": true}");
    }
}
