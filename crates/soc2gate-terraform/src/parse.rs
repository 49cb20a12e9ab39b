//! Parsing with `hcl-edit`, parser errors as [`LoadError`]s, and recovery from duplicate
//! attributes so that one mistake does not hide a whole file from the scan.

use std::borrow::Cow;
use std::collections::HashSet;

use hcl_edit::expr::{Expression, Object, ObjectKey};
use hcl_edit::parser::{self, Error};
use hcl_edit::structure::{Body, Structure};
use hcl_edit::visit_mut::{self, VisitMut};
use hcl_edit::{Decorated, Ident, Span as _};
use soc2gate_model::{LoadError, Location, Position, SourceFile, Span};

const SYNTAX_HELP: &str =
    "fix the syntax error; soc2gate did not scan this file, so its resources are not checked";

// Every recovered duplicate costs one more parse of the file; past this many the file is
// reported as unparsable rather than parsed again and again.
const MAX_RECOVERIES: usize = 32;

/// A parsed file and the problems that did not prevent loading it.
pub(crate) struct Parsed {
    pub body: Body,
    pub errors: Vec<LoadError>,
}

/// The text the parser sees: a UTF-8 byte order mark becomes spaces (the parser rejects
/// it, Terraform does not), keeping every byte offset. Borrowed unless it changes.
fn parser_text(file: &SourceFile) -> Cow<'_, str> {
    match file.text.strip_prefix('\u{feff}') {
        Some(rest) => Cow::Owned(format!("   {rest}")),
        None => Cow::Borrowed(&file.text),
    }
}

/// Parses a file as is: any parser error, including a duplicate attribute, is an error.
pub(crate) fn parse_strict(file: &SourceFile) -> Result<Body, LoadError> {
    parser::parse_body(&parser_text(file)).map_err(|e| syntax_error(file, &e))
}

/// Parses a file; a duplicate attribute is reported and the first definition kept. A
/// duplicate key in an object expression is no error in Terraform (the last one wins),
/// while the parser rejects it; it is accepted here, as Terraform does.
pub(crate) fn parse_recovering(file: &SourceFile) -> Result<Parsed, LoadError> {
    let mut text = parser_text(file);
    let mut errors = Vec::new();
    let mut dropped = HashSet::new();
    // Renamed object keys: fresh name -> the key it repeats, in source order.
    let mut renamed: Vec<(String, String)> = Vec::new();
    loop {
        let err = match parser::parse_body(&text) {
            Ok(mut body) => {
                remove_dropped(&mut body, &dropped);
                if !renamed.is_empty() {
                    LastKeyWins(&renamed).visit_body_mut(&mut body);
                }
                return Ok(Parsed { body, errors });
            }
            Err(err) => err,
        };
        // The parser stops at the second definition of the key; renaming that one to a
        // name used nowhere else (same length, so offsets stay true) lets it go on, and
        // the renamed attribute is removed afterwards.
        let offset = err.location().offset();
        let is_attribute = err.message().contains("redefined attribute");
        let is_object_key = err.message().contains("redefined object key");
        if !(is_attribute || is_object_key)
            || dropped.len() + renamed.len() >= MAX_RECOVERIES
            || !text.is_char_boundary(offset)
        {
            return Err(syntax_error(file, &err));
        }
        // A quoted object key is renamed inside its quotes.
        let start = if is_object_key && text[offset..].starts_with('"') {
            offset + 1
        } else {
            offset
        };
        let key_len = if start > offset {
            text[start..].find(['"', '\\', '$']).unwrap_or(0)
        } else {
            text[start..]
                .find(|c: char| !is_ident_char(c))
                .unwrap_or(text.len() - start)
        };
        let Some(name) = fresh_name(&text, key_len).filter(|_| key_len > 0) else {
            return Err(syntax_error(file, &err));
        };
        let key = text[start..start + key_len].to_string();
        if is_object_key {
            renamed.push((name.clone(), key));
        } else {
            errors.push(LoadError {
                location: file.locate(Span::new(start, start + key_len)),
                message: format!("attribute \"{key}\" is set more than once in this block"),
                help: Some(format!(
                    "remove one of the definitions; Terraform rejects this, and soc2gate used \
                     the first \"{key}\""
                )),
            });
            dropped.insert(start);
        }
        text.to_mut().replace_range(start..start + key_len, &name);
    }
}

/// Puts the value of each renamed duplicate key in the place of the key it repeats.
struct LastKeyWins<'r>(&'r [(String, String)]);

fn object_keys(name: &str) -> Vec<ObjectKey> {
    let mut keys = vec![ObjectKey::Expression(Expression::String(Decorated::new(
        name.to_string(),
    )))];
    if let Ok(ident) = Ident::try_new(name) {
        keys.push(ObjectKey::Ident(Decorated::new(ident)));
    }
    keys
}

impl VisitMut for LastKeyWins<'_> {
    fn visit_object_mut(&mut self, node: &mut Object) {
        for (fresh, original) in self.0 {
            let Some(value) = object_keys(fresh).iter().find_map(|k| node.remove(k)) else {
                continue;
            };
            let target = object_keys(original)
                .into_iter()
                .find(|k| node.contains_key(k));
            match target.and_then(|k| node.get_mut(&k)) {
                Some(slot) => *slot = value,
                None => {
                    let key = Expression::String(Decorated::new(original.clone()));
                    node.insert(ObjectKey::Expression(key), value);
                }
            }
        }
        visit_mut::visit_object_mut(self, node);
    }
}

/// An identifier of `len` characters that does not occur as a word in `text`.
fn fresh_name(text: &str, len: usize) -> Option<String> {
    const FIRST: &[u8] = b"_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    (0..10_000usize)
        .map(|mut n| {
            let mut name = String::with_capacity(len);
            name.push(FIRST[n % FIRST.len()] as char);
            n /= FIRST.len();
            for _ in 1..len {
                name.push(REST[n % REST.len()] as char);
                n /= REST.len();
            }
            name
        })
        .find(|name| !contains_word(text, name))
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        !text[..i].chars().next_back().is_some_and(is_ident_char)
            && !text[i + word.len()..]
                .chars()
                .next()
                .is_some_and(is_ident_char)
    })
}

fn remove_dropped(body: &mut Body, dropped: &HashSet<usize>) {
    if dropped.is_empty() {
        return;
    }
    let mut i = 0;
    while i < body.len() {
        let remove = match body.get_mut(i) {
            Some(Structure::Attribute(attr)) => {
                attr.span().is_some_and(|s| dropped.contains(&s.start))
            }
            Some(Structure::Block(block)) => {
                remove_dropped(&mut block.body, dropped);
                false
            }
            None => false,
        };
        if remove {
            body.remove(i);
        } else {
            i += 1;
        }
    }
}

/// A parser error located where the parser stopped.
fn syntax_error(file: &SourceFile, err: &Error) -> LoadError {
    let loc = err.location();
    // The parser counted the byte order mark as three spaces.
    let bom_shift = if loc.line() == 1 && file.text.starts_with('\u{feff}') {
        2
    } else {
        0
    };
    let start = Position {
        line: loc.line(),
        column: loc.column().saturating_sub(bom_shift).max(1),
    };
    let offset = file.offset(start);
    let next = file.text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8());
    LoadError {
        location: Location {
            file: file.path.clone(),
            start,
            end: Position {
                line: start.line,
                column: start.column + usize::from(next > offset),
            },
            span: Span::new(offset, next),
        },
        message: format!("HCL syntax error: {}", err.message()),
        help: Some(SYNTAX_HELP.to_string()),
    }
}
