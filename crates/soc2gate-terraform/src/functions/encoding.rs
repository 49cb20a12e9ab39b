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

/// MD5 (RFC 1321); Terraform still offers it for names and triggers.
pub(crate) fn md5_bytes(data: &[u8]) -> [u8; 16] {
    const S: [u32; 64] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5,
        9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10,
        15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];
    let k: Vec<u32> = (0..64)
        .map(|i| ((i as f64 + 1.0).sin().abs() * 4294967296.0) as u32)
        .collect();
    let mut h: [u32; 4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
    for chunk in padded(data, false).chunks(64) {
        let m: Vec<u32> = chunk
            .chunks(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
            .collect();
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let f = f.wrapping_add(a).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(f.rotate_left(S[i]));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 16];
    for (i, w) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// SHA-1 (FIPS 180-4).
pub(crate) fn sha1_bytes(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0];
    for chunk in padded(data, true).chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5A827999),
                1 => (b ^ c ^ d, 0x6ED9EBA1),
                2 => ((b & c) | (b & d) | (c & d), 0x8F1BBCDC),
                _ => (b ^ c ^ d, 0xCA62C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, w) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&w.to_be_bytes());
    }
    out
}

/// The message padded to whole 64-byte blocks, with its bit length at the end.
fn padded(data: &[u8], big_endian: bool) -> Vec<u8> {
    let mut m = data.to_vec();
    m.push(0x80);
    while m.len() % 64 != 56 {
        m.push(0);
    }
    let bits = (data.len() as u64).wrapping_mul(8);
    m.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    m
}

pub(super) fn md5(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(hex(&md5_bytes(
        single(args)?.to_str()?.as_bytes(),
    ))))
}

pub(super) fn sha1(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(hex(&sha1_bytes(
        single(args)?.to_str()?.as_bytes(),
    ))))
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

    #[test]
    fn digests_match_their_test_vectors() {
        assert_eq!(hex(&md5_bytes(b"")), "d41d8cd98f00b204e9800998ecf8427e");
        assert_eq!(
            hex(&md5_bytes(b"The quick brown fox jumps over the lazy dog")),
            "9e107d9d372bb6826bd81d3542a419d6"
        );
        assert_eq!(
            hex(&sha1_bytes(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        let long = vec![b'a'; 1000];
        assert_eq!(
            hex(&sha1_bytes(&long)),
            "291e9a6c66994949b57ba5e650361e98fc36b1ba"
        );
    }
}
