//! The Terraform functions the evaluator knows. Any other function, and any call that
//! Terraform would reject, yields `Unknown`: a wrong guess would be worse than no answer.

use std::collections::BTreeMap;

use crate::value::{encode_json, encode_string, number_text, Val};

/// Calls the function `name` on evaluated arguments.
pub(crate) fn call(name: &str, args: Vec<Val>) -> Val {
    let result = match name {
        "jsonencode" => jsonencode(args),
        "jsondecode" => jsondecode(args),
        "merge" => merge(args),
        "concat" => concat(args),
        "lower" => one_string(args).map(|s| Val::String(s.to_lowercase())),
        "upper" => one_string(args).map(|s| Val::String(s.to_uppercase())),
        "format" => format(args),
        "join" => join(args),
        "tostring" => tostring(args),
        "tonumber" => tonumber(args),
        "tobool" => tobool(args),
        "tolist" => tolist(args),
        "toset" => toset(args),
        _ => None,
    };
    result.unwrap_or(Val::Unknown)
}

fn single(args: Vec<Val>) -> Option<Val> {
    let [arg]: [Val; 1] = args.try_into().ok()?;
    Some(arg)
}

fn one_string(args: Vec<Val>) -> Option<String> {
    single(args)?.to_str()
}

fn jsonencode(args: Vec<Val>) -> Option<Val> {
    let arg = single(args)?;
    if let Some(text) = encode_json(&arg) {
        return Some(Val::String(text));
    }
    match arg {
        // A document with some unknown leaves keeps its known structure.
        Val::List(_) | Val::Object(_) => Some(Val::PartialJson(Box::new(arg))),
        _ => None,
    }
}

fn jsondecode(args: Vec<Val>) -> Option<Val> {
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

fn merge(args: Vec<Val>) -> Option<Val> {
    let mut out = BTreeMap::new();
    for arg in args {
        match arg {
            Val::Null => {}
            Val::Object(fields) => out.extend(fields),
            // Without the keys of every argument, no key of the result is certain.
            _ => return None,
        }
    }
    Some(Val::Object(out))
}

fn concat(args: Vec<Val>) -> Option<Val> {
    let mut out = Vec::new();
    for arg in args {
        match arg {
            Val::List(items) => out.extend(items),
            _ => return None,
        }
    }
    Some(Val::List(out))
}

fn join(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let sep = args.next()?.to_str()?;
    let mut parts = Vec::new();
    for list in args {
        let Val::List(items) = list else { return None };
        for item in items {
            parts.push(item.to_str()?);
        }
    }
    Some(Val::String(parts.join(&sep)))
}

fn tostring(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v => v.to_str().map(Val::String),
    }
}

fn tonumber(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v => v.to_number().map(Val::Number),
    }
}

fn tobool(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        Val::Null => Some(Val::Null),
        v => v.to_bool().map(Val::Bool),
    }
}

fn tolist(args: Vec<Val>) -> Option<Val> {
    match single(args)? {
        v @ (Val::Null | Val::List(_)) => Some(v),
        _ => None,
    }
}

fn toset(args: Vec<Val>) -> Option<Val> {
    let items = match single(args)? {
        Val::Null => return Some(Val::Null),
        Val::List(items) => items,
        _ => return None,
    };
    let (known, unknown): (Vec<Val>, Vec<Val>) = items.into_iter().partition(Val::is_wholly_known);
    let mut out: Vec<Val> = Vec::new();
    if known.iter().all(|v| matches!(v, Val::String(_))) {
        // Terraform orders a set of strings lexically.
        let mut strings: Vec<String> = known.into_iter().filter_map(|v| v.to_str()).collect();
        strings.sort();
        strings.dedup();
        out.extend(strings.into_iter().map(Val::String));
    } else {
        for v in known {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    // A set's order carries no meaning; unknown members go last so known ones stay visible.
    out.extend(unknown);
    Some(Val::List(out))
}

/// `format` with the verbs `%s`, `%d`, `%v`, `%q`, `%%`. Flags, widths and explicit
/// argument indices are not supported and give `Unknown`.
fn format(args: Vec<Val>) -> Option<Val> {
    let mut args = args.into_iter();
    let spec = args.next()?.to_str()?;
    let mut out = String::new();
    let mut chars = spec.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let verb = chars.next()?;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let arg = args.next()?;
        if !arg.is_wholly_known() {
            return None;
        }
        match verb {
            's' => out.push_str(&arg.to_str()?),
            'd' => {
                let n = arg.to_number()?;
                if n.fract() != 0.0 {
                    return None;
                }
                out.push_str(&number_text(n));
            }
            'v' => match arg {
                Val::List(_) | Val::Object(_) => out.push_str(&encode_json(&arg)?),
                Val::Null => out.push_str("null"),
                other => out.push_str(&other.to_str()?),
            },
            'q' => encode_string(&arg.to_str()?, &mut out),
            _ => return None,
        }
    }
    // Terraform rejects arguments that no verb consumes.
    if args.next().is_some() {
        return None;
    }
    Some(Val::String(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Val {
        Val::String(x.into())
    }

    fn obj(fields: &[(&str, Val)]) -> Val {
        Val::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn known_functions() {
        assert_eq!(call("lower", vec![s("AbC")]), s("abc"));
        assert_eq!(call("upper", vec![s("AbC")]), s("ABC"));
        assert_eq!(
            call(
                "join",
                vec![s(","), Val::List(vec![s("a"), Val::Number(2.0)])]
            ),
            s("a,2")
        );
        assert_eq!(
            call(
                "concat",
                vec![Val::List(vec![s("a")]), Val::List(vec![s("b")])]
            ),
            Val::List(vec![s("a"), s("b")])
        );
        assert_eq!(
            call(
                "merge",
                vec![
                    obj(&[("a", s("1")), ("b", s("1"))]),
                    Val::Null,
                    obj(&[("b", s("2"))])
                ]
            ),
            obj(&[("a", s("1")), ("b", s("2"))])
        );
        assert_eq!(call("tostring", vec![Val::Number(5.0)]), s("5"));
        assert_eq!(call("tonumber", vec![s("5")]), Val::Number(5.0));
        assert_eq!(call("tobool", vec![s("true")]), Val::Bool(true));
        assert_eq!(
            call("toset", vec![Val::List(vec![s("b"), s("a"), s("b")])]),
            Val::List(vec![s("a"), s("b")])
        );
        assert_eq!(
            call("jsondecode", vec![s(r#"{"a":[1,true]}"#)]),
            obj(&[("a", Val::List(vec![Val::Number(1.0), Val::Bool(true)]))])
        );
    }

    #[test]
    fn format_verbs() {
        let f = |spec: &str, args: Vec<Val>| {
            let mut all = vec![s(spec)];
            all.extend(args);
            call("format", all)
        };
        assert_eq!(
            f(
                "%s-%d %v %q 100%%",
                vec![s("a"), Val::Number(3.0), Val::Bool(true), s("x\"")]
            ),
            s(r#"a-3 true "x\"" 100%"#)
        );
        assert_eq!(f("%d", vec![Val::Number(1.5)]), Val::Unknown);
        assert_eq!(f("%s", vec![]), Val::Unknown);
        assert_eq!(f("%s", vec![s("a"), s("b")]), Val::Unknown);
        assert_eq!(f("%05d", vec![Val::Number(1.0)]), Val::Unknown);
        assert_eq!(f("%s", vec![Val::Unknown]), Val::Unknown);
    }

    #[test]
    fn unknown_in_unknown_out() {
        assert_eq!(call("lower", vec![Val::Unknown]), Val::Unknown);
        assert_eq!(call("merge", vec![obj(&[]), Val::Unknown]), Val::Unknown);
        assert_eq!(call("concat", vec![Val::Unknown]), Val::Unknown);
        assert_eq!(call("nosuchfunction", vec![s("a")]), Val::Unknown);
        assert_eq!(call("lower", vec![]), Val::Unknown);
        assert_eq!(call("jsondecode", vec![s("{")]), Val::Unknown);
        // A partly unknown list is still a list of known length.
        assert_eq!(
            call(
                "concat",
                vec![Val::List(vec![Val::Unknown]), Val::List(vec![s("b")])]
            ),
            Val::List(vec![Val::Unknown, s("b")])
        );
    }

    #[test]
    fn jsonencode_known_and_partial() {
        assert_eq!(
            call(
                "jsonencode",
                vec![obj(&[("b", Val::Number(1.0)), ("a", s("x"))])]
            ),
            s(r#"{"a":"x","b":1}"#)
        );
        let partial = obj(&[("a", Val::Unknown)]);
        let encoded = call("jsonencode", vec![partial.clone()]);
        assert_eq!(encoded, Val::PartialJson(Box::new(partial.clone())));
        assert!(!encoded.is_known());
        assert_eq!(call("jsondecode", vec![encoded]), partial);
        assert_eq!(call("jsonencode", vec![Val::Unknown]), Val::Unknown);
    }
}
