//! JSON, YAML, base64, URL encoding and hashes.

use sha2::{Digest, Sha256, Sha512};

use super::single;
use crate::value::{encode_json, encode_string, number_text, Val};

pub(super) fn jsonencode(args: Vec<Val>) -> Option<Val> {
    let arg = single(args)?;
    if let Some(text) = encode_json(&arg) {
        return Some(Val::String(text));
    }
    match arg {
        // A document with some unknown leaves keeps its known structure.
        Val::List(_) | Val::Object(_) => Some(Val::PartialJson(Box::new(arg))),
        _ => Some(Val::Unknown),
    }
}

pub(super) fn jsondecode(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::String(text) => {
            let value: serde_json::Value = serde_json::from_str(&text).ok()?;
            Some(Val::from_json(&value))
        }
        // Decoding what `jsonencode` or a JSON template built gives the structure back.
        Val::PartialJson(inner) => Some(*inner),
        _ => None,
    }
}

/// Terraform's `yamlencode`: block style, keys and single-line strings double-quoted,
/// multi-line strings as literal blocks, `[]` and `{}` for empty collections.
pub(super) fn yamlencode(args: Vec<Val>) -> Option<Val> {
    let v = single(args)?;
    if !v.is_wholly_known() {
        return Some(Val::Unknown);
    }
    let mut out = String::new();
    yaml_node(&v, 0, &mut out)?;
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Some(Val::String(out))
}

fn yaml_scalar(v: &Val, indent: usize, out: &mut String) -> Option<()> {
    match v {
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Number(n) => out.push_str(&number_text(*n)),
        Val::String(s) if s.contains('\n') => {
            out.push_str(if s.ends_with('\n') { "|" } else { "|-" });
            for line in s.strip_suffix('\n').unwrap_or(s).split('\n') {
                out.push('\n');
                if !line.is_empty() {
                    out.push_str(&" ".repeat(indent + 2));
                    out.push_str(line);
                }
            }
        }
        Val::String(s) => yaml_string(s, out),
        Val::List(items) if items.is_empty() => out.push_str("[]"),
        Val::Object(fields) if fields.is_empty() => out.push_str("{}"),
        _ => return None,
    }
    Some(())
}

fn yaml_string(s: &str, out: &mut String) {
    // JSON's escapes are valid in YAML's double-quoted style; YAML needs no HTML escapes.
    let mut json = String::new();
    encode_string(s, &mut json);
    out.push_str(
        &json
            .replace("\\u003c", "<")
            .replace("\\u003e", ">")
            .replace("\\u0026", "&"),
    );
}

fn is_block(v: &Val) -> bool {
    matches!(v, Val::List(items) if !items.is_empty())
        || matches!(v, Val::Object(fields) if !fields.is_empty())
}

/// Writes `v` at the start of a line indented by `indent` (the indent itself is already
/// written for the first line).
fn yaml_node(v: &Val, indent: usize, out: &mut String) -> Option<()> {
    let pad = " ".repeat(indent);
    match v {
        Val::List(items) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(&pad);
                }
                out.push_str("- ");
                if is_block(item) {
                    yaml_node(item, indent + 2, out)?;
                } else {
                    yaml_scalar(item, indent, out)?;
                    out.push('\n');
                }
            }
        }
        Val::Object(fields) if !fields.is_empty() => {
            for (i, (k, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push_str(&pad);
                }
                yaml_string(k, out);
                out.push(':');
                match item {
                    Val::List(_) if is_block(item) => {
                        // Sequences in a mapping are not indented.
                        out.push('\n');
                        out.push_str(&pad);
                        yaml_node(item, indent, out)?;
                    }
                    Val::Object(_) if is_block(item) => {
                        out.push('\n');
                        out.push_str(&" ".repeat(indent + 2));
                        yaml_node(item, indent + 2, out)?;
                    }
                    _ => {
                        out.push(' ');
                        yaml_scalar(item, indent, out)?;
                        out.push('\n');
                    }
                }
            }
        }
        scalar => {
            yaml_scalar(scalar, indent, out)?;
            out.push('\n');
        }
    }
    Some(())
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn unbase64(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if text.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        let mut pads = 0;
        for (i, &c) in chunk.iter().enumerate() {
            let d = match c {
                b'=' if i >= 2 => {
                    pads += 1;
                    0
                }
                _ if pads > 0 => return None,
                _ => BASE64.iter().position(|&b| b == c)? as u32,
            };
            n = (n << 6) | d;
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pads]);
    }
    Some(out)
}

pub(super) fn base64encode(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(base64(single(args)?.to_str()?.as_bytes())))
}

pub(super) fn base64decode(args: Vec<Val>) -> Option<Val> {
    let bytes = unbase64(&single(args)?.to_str()?)?;
    // Terraform strings are UTF-8; other bytes are an error.
    String::from_utf8(bytes).ok().map(Val::String)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn sha256_bytes(data: &[u8]) -> Vec<u8> {
    Sha256::digest(data).to_vec()
}

pub(super) fn sha256(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(hex(&sha256_bytes(
        single(args)?.to_str()?.as_bytes(),
    ))))
}

pub(super) fn sha512(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(hex(&Sha512::digest(
        single(args)?.to_str()?.as_bytes(),
    ))))
}

pub(super) fn base64sha256(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(base64(&sha256_bytes(
        single(args)?.to_str()?.as_bytes(),
    ))))
}

pub(super) fn base64sha512(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(base64(&Sha512::digest(
        single(args)?.to_str()?.as_bytes(),
    ))))
}

pub(crate) fn base64_of(bytes: &[u8]) -> String {
    base64(bytes)
}

pub(super) fn urlencode(args: Vec<Val>) -> Option<Val> {
    let s = single(args)?.to_str()?;
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    Some(Val::String(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips() {
        for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar"] {
            assert_eq!(unbase64(&base64(s.as_bytes())).unwrap(), s.as_bytes());
        }
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert!(unbase64("Zm8").is_none());
        assert!(unbase64("Z=m8").is_none());
    }
}
