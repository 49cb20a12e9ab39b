//! A small JSON parser that keeps the byte span of every value and key. `serde_json` gives
//! no positions, and findings in `.tf.json`, `.tfvars.json` and plan files must point at a
//! line.

use soc2gate_model::Span;

use crate::value::Val;

// Deeper documents are rejected rather than risking the stack on hostile input.
const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JValue {
    pub kind: JKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum JKind {
    Null,
    Bool(bool),
    /// The number's text as written, so that integers keep their precision.
    Number(String),
    String(String),
    Array(Vec<JValue>),
    /// Members in document order; duplicate keys are kept (callers decide).
    Object(Vec<JMember>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JMember {
    pub key: String,
    pub key_span: Span,
    pub value: JValue,
}

impl JMember {
    /// From the key's opening quote to the end of the value.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.key_span.start, self.value.span.end)
    }
}

/// A syntax error: the byte offset where it was found and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JsonError {
    pub offset: usize,
    pub message: String,
}

impl JValue {
    pub(crate) fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JKind::String(s) => Some(s),
            _ => None,
        }
    }

    pub(crate) fn members(&self) -> &[JMember] {
        match &self.kind {
            JKind::Object(m) => m,
            _ => &[],
        }
    }

    pub(crate) fn items(&self) -> &[JValue] {
        match &self.kind {
            JKind::Array(items) => items,
            _ => &[],
        }
    }

    /// The first member named `key` of an object.
    pub(crate) fn get(&self, key: &str) -> Option<&JValue> {
        self.members()
            .iter()
            .find(|m| m.key == key)
            .map(|m| &m.value)
    }

    /// The value as `serde_json` would have read it (with `preserve_order`).
    pub(crate) fn to_serde(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            JKind::Null => Value::Null,
            JKind::Bool(b) => Value::Bool(*b),
            JKind::Number(text) => text
                .parse::<serde_json::Number>()
                .map(Value::Number)
                .unwrap_or(Value::Null),
            JKind::String(s) => Value::String(s.clone()),
            JKind::Array(items) => Value::Array(items.iter().map(JValue::to_serde).collect()),
            JKind::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    // Later duplicates win, as in serde_json.
                    map.insert(m.key.clone(), m.value.to_serde());
                }
                Value::Object(map)
            }
        }
    }

    /// The value as a literal (tfvars): strings are never templates here.
    pub(crate) fn to_val(&self) -> Val {
        match &self.kind {
            JKind::Null => Val::Null,
            JKind::Bool(b) => Val::Bool(*b),
            JKind::Number(text) => text
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map_or(Val::Unknown, Val::Number),
            JKind::String(s) => Val::String(s.clone()),
            JKind::Array(items) => Val::List(items.iter().map(JValue::to_val).collect()),
            JKind::Object(members) => Val::Object(
                members
                    .iter()
                    .map(|m| (m.key.clone(), m.value.to_val()))
                    .collect(),
            ),
        }
    }
}

/// Parses a whole document (a leading byte order mark is allowed).
pub(crate) fn parse(text: &str) -> Result<JValue, JsonError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.pos < p.bytes.len() {
        return Err(p.err("expected the end of the document"));
    }
    Ok(v)
}

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, message: &str) -> JsonError {
        JsonError {
            offset: self.pos.min(self.bytes.len()),
            message: message.to_string(),
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<JValue, JsonError> {
        let start = self.pos;
        let kind = match self.bytes.get(self.pos) {
            Some(b'{') => self.object()?,
            Some(b'[') => self.array()?,
            Some(b'"') => JKind::String(self.string()?),
            Some(b't') => self.literal("true", JKind::Bool(true))?,
            Some(b'f') => self.literal("false", JKind::Bool(false))?,
            Some(b'n') => self.literal("null", JKind::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) => return Err(self.err("expected a JSON value")),
            None => return Err(self.err("unexpected end of the document")),
        };
        Ok(JValue {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn literal(&mut self, word: &str, kind: JKind) -> Result<JKind, JsonError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.err("expected a JSON value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<JKind, JsonError> {
        let start = self.pos;
        if self.bytes[self.pos] == b'-' {
            self.pos += 1;
        }
        // JSON forbids leading zeros: `0` stands alone.
        if self.bytes.get(self.pos) == Some(&b'0') {
            self.pos += 1;
        } else if self.digits() == 0 {
            return Err(self.err("expected a digit"));
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.err("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("expected a digit in the exponent"));
            }
        }
        Ok(JKind::Number(self.text[start..self.pos].to_string()))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.err("expected four hex digits"))?;
        let n =
            u32::from_str_radix(digits, 16).map_err(|_| self.err("expected four hex digits"))?;
        self.pos += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run of plain characters at once.
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len() - self.pos);
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let Some(&esc) = self.bytes.get(self.pos) else {
                        return Err(self.err("unterminated string"));
                    };
                    self.pos += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi)
                                && self.text[self.pos..].starts_with("\\u")
                            {
                                self.pos += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.err("invalid surrogate pair"));
                                }
                                char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate cannot be represented; serde_json rejects it too.
                            out.push(c.ok_or_else(|| self.err("invalid unicode escape"))?);
                        }
                        _ => {
                            self.pos -= 1;
                            return Err(self.err("invalid escape in string"));
                        }
                    }
                }
                Some(_) => return Err(self.err("control character in string")),
                None => return Err(self.err("unterminated string")),
            }
        }
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err("the document is nested too deeply"));
        }
        Ok(())
    }

    fn array(&mut self) -> Result<JKind, JsonError> {
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(JKind::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(JKind::Array(items));
                }
                _ => return Err(self.err("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<JKind, JsonError> {
        self.enter()?;
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            self.depth -= 1;
            return Ok(JKind::Object(members));
        }
        loop {
            self.ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.err("expected a string key"));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.err("expected `:`"));
            }
            self.pos += 1;
            self.ws();
            let value = self.value()?;
            members.push(JMember {
                key,
                key_span,
                value,
            });
            self.ws();
            match self.bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    self.depth -= 1;
                    return Ok(JKind::Object(members));
                }
                _ => return Err(self.err("expected `,` or `}`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_values_and_keys() {
        let text = "{\"a\": [1, -2.5e3, \"x\\u00e9\\ud83d\\ude00\"], \"b\": {\"c\": null}}";
        let v = parse(text).unwrap();
        let a = &v.members()[0];
        assert_eq!(&text[a.key_span.start..a.key_span.end], "\"a\"");
        let items = a.value.items();
        assert_eq!(items[1].kind, JKind::Number("-2.5e3".into()));
        assert_eq!(&text[items[1].span.start..items[1].span.end], "-2.5e3");
        assert_eq!(items[2].as_str(), Some("xé😀"));
        let b = v.get("b").unwrap();
        assert_eq!(&text[b.span.start..b.span.end], "{\"c\": null}");
        assert_eq!(
            v.to_serde(),
            serde_json::json!({"a": [1, -2500.0, "xé😀"], "b": {"c": null}})
        );
    }

    #[test]
    fn errors_carry_an_offset() {
        for (text, at) in [
            ("{\"a\" 1}", 5),
            ("[1,]", 3),
            ("[1] x", 4),
            ("\"abc", 4),
            ("01", 1),
            ("", 0),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.offset, at, "{text}: {e:?}");
        }
        let deep = "[".repeat(10_000);
        assert!(parse(&deep).is_err());
    }
}
