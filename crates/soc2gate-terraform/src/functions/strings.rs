//! String functions, `format` with Terraform's verbs, and the regular expression functions
//! (Terraform uses RE2 syntax, which the `regex` crate follows).

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use regex::Regex;

use super::{integer, over_limit, pair, single, too_large, triple};
use crate::value::{encode_json, encode_string, number_text, Val};

fn string(args: Vec<Val>) -> Option<String> {
    single(args)?.to_str()
}

fn two_strings(args: Vec<Val>) -> Option<(String, String)> {
    let (a, b) = pair(args)?;
    Some((a.to_str()?, b.to_str()?))
}

pub(super) fn lower(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(string(args)?.to_lowercase()))
}

pub(super) fn upper(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(string(args)?.to_uppercase()))
}

pub(super) fn title(args: Vec<Val>) -> Option<Val> {
    let mut out = String::new();
    let mut prev_word = false;
    for c in string(args)?.chars() {
        if prev_word {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
        prev_word = c.is_alphanumeric() || c == '_' || c == '\'';
    }
    Some(Val::String(out))
}

pub(super) fn trimspace(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(string(args)?.trim().to_string()))
}

pub(super) fn chomp(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(
        string(args)?.trim_end_matches(['\n', '\r']).to_string(),
    ))
}

pub(super) fn strrev(args: Vec<Val>) -> Option<Val> {
    Some(Val::String(string(args)?.chars().rev().collect()))
}

pub(super) fn trim(args: Vec<Val>) -> Option<Val> {
    let (s, cutset) = two_strings(args)?;
    Some(Val::String(
        s.trim_matches(|c| cutset.contains(c)).to_string(),
    ))
}

pub(super) fn trimprefix(args: Vec<Val>) -> Option<Val> {
    let (s, prefix) = two_strings(args)?;
    Some(Val::String(
        s.strip_prefix(prefix.as_str()).unwrap_or(&s).to_string(),
    ))
}

pub(super) fn trimsuffix(args: Vec<Val>) -> Option<Val> {
    let (s, suffix) = two_strings(args)?;
    Some(Val::String(
        s.strip_suffix(suffix.as_str()).unwrap_or(&s).to_string(),
    ))
}

pub(super) fn startswith(args: Vec<Val>) -> Option<Val> {
    let (s, prefix) = two_strings(args)?;
    Some(Val::Bool(s.starts_with(&prefix)))
}

pub(super) fn endswith(args: Vec<Val>) -> Option<Val> {
    let (s, suffix) = two_strings(args)?;
    Some(Val::Bool(s.ends_with(&suffix)))
}

pub(super) fn strcontains(args: Vec<Val>) -> Option<Val> {
    let (s, sub) = two_strings(args)?;
    Some(Val::Bool(s.contains(&sub)))
}

pub(super) fn indent(args: Vec<Val>) -> Option<Val> {
    let (n, s) = pair(args)?;
    let n = integer(&n)?;
    let s = s.to_str()?;
    let pad = " ".repeat(usize::try_from(n).ok()?.min(1024));
    if over_limit(s.len() + s.matches('\n').count() * pad.len()) {
        return too_large();
    }
    Some(Val::String(s.replace('\n', &format!("\n{pad}"))))
}

pub(super) fn substr(args: Vec<Val>) -> Option<Val> {
    let (s, offset, length) = triple(args)?;
    let chars: Vec<char> = s.to_str()?.chars().collect();
    let (offset, length) = (integer(&offset)?, integer(&length)?);
    let len = chars.len() as i64;
    let start = if offset < 0 { len + offset } else { offset };
    if start < 0 {
        return None;
    }
    if start >= len {
        return Some(Val::String(String::new()));
    }
    let end = if length < 0 {
        len
    } else {
        (start + length).min(len)
    };
    Some(Val::String(
        chars[start as usize..end as usize].iter().collect(),
    ))
}

pub(super) fn split(args: Vec<Val>) -> Option<Val> {
    let (sep, s) = two_strings(args)?;
    let parts: Vec<Val> = if sep.is_empty() {
        s.chars().map(|c| Val::String(c.to_string())).collect()
    } else {
        s.split(sep.as_str())
            .map(|p| Val::String(p.to_string()))
            .collect()
    };
    Some(Val::List(parts))
}

pub(super) fn join(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let sep = args.next()?.to_str()?;
    let mut parts = Vec::new();
    let mut lists = 0;
    for list in args {
        let Val::List(items) = list else { return None };
        lists += 1;
        for item in items {
            parts.push(item.to_str()?);
        }
    }
    if lists == 0 {
        return None;
    }
    let len: usize = parts.iter().map(String::len).sum();
    if over_limit(len + parts.len().saturating_sub(1) * sep.len()) {
        return too_large();
    }
    Some(Val::String(parts.join(&sep)))
}

pub(super) fn tostring(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v => v.to_str().map(Val::String),
    }
}

pub(super) fn tobool(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v @ (Val::Bool(_) | Val::String(_)) => v.to_bool().map(Val::Bool),
        _ => None,
    }
}

thread_local! {
    // Modules call the same few patterns for every instance.
    static REGEXES: RefCell<HashMap<String, Option<Regex>>> = RefCell::new(HashMap::new());
}

fn compile(pattern: &str) -> Option<Regex> {
    REGEXES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() > 1024 {
            cache.clear();
        }
        cache
            .entry(pattern.to_string())
            .or_insert_with(|| Regex::new(pattern).ok())
            .clone()
    })
}

/// One match as Terraform's `regex` returns it: the matched text without groups, a list
/// for unnamed groups, an object for named ones (mixing both is an error).
fn match_value(re: &Regex, caps: &regex::Captures<'_>) -> Option<Val> {
    let groups = re.captures_len() - 1;
    if groups == 0 {
        return Some(Val::String(caps.get(0)?.as_str().to_string()));
    }
    let named: Vec<&str> = re.capture_names().flatten().collect();
    let text =
        |m: Option<regex::Match<'_>>| m.map_or(Val::Null, |m| Val::String(m.as_str().into()));
    if named.is_empty() {
        return Some(Val::List((1..=groups).map(|i| text(caps.get(i))).collect()));
    }
    if named.len() != groups {
        return None;
    }
    let fields: BTreeMap<String, Val> = named
        .into_iter()
        .map(|n| (n.to_string(), text(caps.name(n))))
        .collect();
    Some(Val::Object(fields))
}

pub(super) fn regex(args: Vec<Val>) -> Option<Val> {
    let (pattern, s) = two_strings(args)?;
    let re = compile(&pattern)?;
    let caps = re.captures(&s)?;
    match_value(&re, &caps)
}

pub(super) fn regexall(args: Vec<Val>) -> Option<Val> {
    let (pattern, s) = two_strings(args)?;
    let re = compile(&pattern)?;
    let mut out = Vec::new();
    for caps in re.captures_iter(&s) {
        out.push(match_value(&re, &caps)?);
    }
    Some(Val::List(out))
}

pub(super) fn replace(args: Vec<Val>) -> Option<Val> {
    let (s, search, replacement) = triple(args)?;
    let (s, search, replacement) = (s.to_str()?, search.to_str()?, replacement.to_str()?);
    // `/.../` is a regular expression; `$1` and `${name}` in the replacement mean the
    // same in Go's and in Rust's syntax.
    // Each match may add the replacement; a regular expression may match at every
    // position.
    let matches = if search.len() >= 2 && search.starts_with('/') && search.ends_with('/') {
        s.len() + 1
    } else {
        s.matches(search.as_str()).count()
    };
    if !search.is_empty() && over_limit(s.len() + matches * replacement.len()) {
        return too_large();
    }
    if search.len() >= 2 && search.starts_with('/') && search.ends_with('/') {
        let re = compile(&search[1..search.len() - 1])?;
        return Some(Val::String(
            re.replace_all(&s, replacement.as_str()).into_owned(),
        ));
    }
    if search.is_empty() {
        return Some(Val::String(s));
    }
    Some(Val::String(s.replace(&search, &replacement)))
}

pub(super) fn format(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let spec = args.next()?.to_str()?;
    format_with(&spec, &args.collect::<Vec<_>>())
}

pub(super) fn formatlist(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let spec = args.next()?.to_str()?;
    let args: Vec<Val> = args.collect();
    let mut len: Option<usize> = None;
    for a in &args {
        match a {
            Val::List(items) => match len {
                Some(n) if n != items.len() => return None,
                _ => len = Some(items.len()),
            },
            v if !v.is_known() => return Some(Val::Unknown),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut size = 0;
    for i in 0..len.unwrap_or(1) {
        let row: Vec<Val> = args
            .iter()
            .map(|a| match a {
                Val::List(items) => items[i].clone(),
                v => v.clone(),
            })
            .collect();
        let v = format_with(&spec, &row)?;
        size += v.to_str().map_or(1, |s| s.len());
        if over_limit(size) {
            return too_large();
        }
        out.push(v);
    }
    Some(Val::List(out))
}

#[derive(Default)]
struct Flags {
    minus: bool,
    plus: bool,
    sharp: bool,
    zero: bool,
    space: bool,
    width: Option<usize>,
    precision: Option<usize>,
}

/// Terraform's `format`: verbs `v t b d o x X e E f g G s q %`, flags `-+# 0`, width,
/// precision and explicit argument indices `%[n]`. Any unknown argument makes the
/// result unknown.
fn format_with(spec: &str, args: &[Val]) -> Option<Val> {
    let mut out = String::new();
    let mut chars = spec.chars().peekable();
    let mut next_arg = 0;
    let mut used = vec![false; args.len()];
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        let mut f = Flags::default();
        while let Some(&c) = chars.peek() {
            match c {
                '-' => f.minus = true,
                '+' => f.plus = true,
                '#' => f.sharp = true,
                '0' => f.zero = true,
                ' ' => f.space = true,
                _ => break,
            }
            chars.next();
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            let mut n = String::new();
            for c in chars.by_ref() {
                if c == ']' {
                    break;
                }
                n.push(c);
            }
            next_arg = n.parse::<usize>().ok()?.checked_sub(1)?;
        }
        let digits = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut n = String::new();
            while let Some(&c) = chars.peek().filter(|c| c.is_ascii_digit()) {
                n.push(c);
                chars.next();
            }
            n.parse::<usize>().ok().map(|n| n.min(1024))
        };
        f.width = digits(&mut chars);
        if chars.peek() == Some(&'.') {
            chars.next();
            f.precision = Some(digits(&mut chars).unwrap_or(0));
        }
        let verb = chars.next()?;
        let arg = args.get(next_arg)?;
        used[next_arg] = true;
        next_arg += 1;
        if !arg.is_wholly_known() {
            return Some(Val::Unknown);
        }
        let text = verb_text(verb, arg, &f)?;
        pad(&mut out, &text, &f, verb);
        if over_limit(out.len()) {
            return too_large();
        }
    }
    // Terraform rejects arguments that no verb consumes.
    if used.iter().any(|u| !u) {
        return None;
    }
    Some(Val::String(out))
}

fn verb_text(verb: char, arg: &Val, f: &Flags) -> Option<String> {
    let signed = |n: f64, body: String| {
        if n < 0.0 || body.starts_with('-') {
            body
        } else if f.plus {
            format!("+{body}")
        } else if f.space {
            format!(" {body}")
        } else {
            body
        }
    };
    Some(match verb {
        'v' if f.sharp => encode_json(arg)?,
        'v' => match arg {
            Val::List(_) | Val::Object(_) => encode_json(arg)?,
            Val::Null => "null".to_string(),
            Val::Number(n) => signed(*n, number_text(*n)),
            other => other.to_str()?,
        },
        't' => arg.to_bool()?.to_string(),
        's' => {
            let s = match arg {
                Val::Null => return None,
                other => other.to_str()?,
            };
            match f.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            }
        }
        'q' => {
            let mut q = String::new();
            encode_string(&arg.to_str()?, &mut q);
            q
        }
        'd' | 'b' | 'o' | 'x' | 'X' => {
            let n = arg.to_number()?;
            if n.fract() != 0.0 || n.abs() >= 9.0e15 {
                return None;
            }
            let i = n as i64;
            let mag = i.unsigned_abs();
            let body = match verb {
                'd' => mag.to_string(),
                'b' => format!("{mag:b}"),
                'o' => format!("{mag:o}"),
                'x' => format!("{mag:x}"),
                _ => format!("{mag:X}"),
            };
            let body = if i < 0 { format!("-{body}") } else { body };
            signed(n, body)
        }
        'f' | 'F' => {
            let n = arg.to_number()?;
            signed(n, format!("{:.*}", f.precision.unwrap_or(6), n))
        }
        'e' | 'E' => {
            let n = arg.to_number()?;
            let s = exponent(n, f.precision.unwrap_or(6));
            signed(n, if verb == 'E' { s.to_uppercase() } else { s })
        }
        'g' | 'G' if f.precision.is_none() => {
            let n = arg.to_number()?;
            let exp = if n == 0.0 {
                0
            } else {
                n.abs().log10().floor() as i32
            };
            // Go's %g: the shortest representation, in exponent form for large or
            // small magnitudes.
            let s = if (-4..21).contains(&exp) {
                number_text(n)
            } else {
                let e = format!("{n:e}");
                let (mantissa, exp) = e.split_once('e')?;
                let exp: i32 = exp.parse().ok()?;
                format!(
                    "{mantissa}e{}{:02}",
                    if exp < 0 { '-' } else { '+' },
                    exp.abs()
                )
            };
            signed(n, if verb == 'G' { s.to_uppercase() } else { s })
        }
        // Precision with %g and other verbs: rarely used, not worth a guess.
        _ => return None,
    })
}

/// Go's `%e`: one digit, the fraction, and an exponent of at least two digits.
fn exponent(n: f64, precision: usize) -> String {
    let s = format!("{:.*e}", precision, n);
    match s.split_once('e') {
        Some((m, e)) => {
            let e: i32 = e.parse().unwrap_or(0);
            format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
        }
        None => s,
    }
}

fn pad(out: &mut String, text: &str, f: &Flags, verb: char) {
    let len = text.chars().count();
    let width = f.width.unwrap_or(0);
    if len >= width {
        out.push_str(text);
        return;
    }
    let fill = width - len;
    if f.minus {
        out.push_str(text);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if f.zero && !matches!(verb, 's' | 'q' | 'v' | 't') {
        // Zeros go after the sign.
        let (sign, digits) = match text.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (Some(c), &text[1..]),
            _ => (None, text),
        };
        if let Some(s) = sign {
            out.push(s);
        }
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(digits);
    } else {
        let _ = write!(out, "{:>width$}", text, width = width);
    }
}
