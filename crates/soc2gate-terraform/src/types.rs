//! Type constraints of `variable` blocks and Terraform's conversion of values to them:
//! `"true"` into a bool, numbers into strings, objects trimmed to the declared attributes,
//! `optional()` attributes filled with their defaults, sets deduplicated and ordered.

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, ObjectKey};

use crate::value::Val;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Type {
    /// `any`, no constraint, or a constraint soc2gate cannot read: values pass unchanged.
    Any,
    String,
    Number,
    Bool,
    List(Box<Type>),
    Set(Box<Type>),
    Map(Box<Type>),
    Tuple(Vec<Type>),
    Object(BTreeMap<String, Attr>),
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attr {
    pub ty: Type,
    pub optional: bool,
    /// The second argument of `optional(T, default)`, already converted to `T`.
    pub default: Option<Val>,
}

impl Type {
    /// Terraform reads `-var` and `TF_VAR_` values of these types as plain strings and
    /// those of every other type as HCL expressions.
    pub(crate) fn takes_raw_string(&self) -> bool {
        matches!(self, Type::Any | Type::String | Type::Number | Type::Bool)
    }
}

/// Reads a type constraint expression. `eval` evaluates `optional()` defaults (constant
/// expressions). Anything unreadable is `Any`, which converts nothing.
pub(crate) fn parse_type(expr: &Expression, eval: &dyn Fn(&Expression) -> Val) -> Type {
    match expr {
        Expression::Variable(name) => match name.as_str() {
            "string" => Type::String,
            "number" => Type::Number,
            "bool" => Type::Bool,
            // `list` alone is `list(any)`, kept for old configurations.
            "list" => Type::List(Box::new(Type::Any)),
            "map" => Type::Map(Box::new(Type::Any)),
            "set" => Type::Set(Box::new(Type::Any)),
            _ => Type::Any,
        },
        // Terraform 0.11 wrote `type = "string"`.
        Expression::String(s) => match s.value().as_str() {
            "list" => Type::List(Box::new(Type::Any)),
            "map" => Type::Map(Box::new(Type::Any)),
            "string" => Type::String,
            _ => Type::Any,
        },
        Expression::Parenthesis(p) => parse_type(p.inner(), eval),
        Expression::FuncCall(call) if !call.name.is_namespaced() => {
            let args: Vec<&Expression> = call.args.iter().collect();
            let inner = |i: usize| args.get(i).map_or(Type::Any, |e| parse_type(e, eval));
            match (call.name.name.as_str(), args.len()) {
                ("list", 1) => Type::List(Box::new(inner(0))),
                ("set", 1) => Type::Set(Box::new(inner(0))),
                ("map", 1) => Type::Map(Box::new(inner(0))),
                ("tuple", 1) => match args[0] {
                    Expression::Array(items) => {
                        Type::Tuple(items.iter().map(|e| parse_type(e, eval)).collect())
                    }
                    _ => Type::Any,
                },
                ("object", 1) => match args[0] {
                    Expression::Object(object) => {
                        let mut attrs = BTreeMap::new();
                        for (key, value) in object.iter() {
                            let name = match key {
                                ObjectKey::Ident(i) => i.as_str().to_string(),
                                ObjectKey::Expression(Expression::Variable(v)) => {
                                    v.as_str().to_string()
                                }
                                ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                                ObjectKey::Expression(_) => return Type::Any,
                            };
                            attrs.insert(name, parse_attr(value.expr(), eval));
                        }
                        Type::Object(attrs)
                    }
                    _ => Type::Any,
                },
                _ => Type::Any,
            }
        }
        _ => Type::Any,
    }
}

fn parse_attr(expr: &Expression, eval: &dyn Fn(&Expression) -> Val) -> Attr {
    if let Expression::FuncCall(call) = expr {
        if call.name.name.as_str() == "optional" && !call.name.is_namespaced() {
            let ty = call.args.get(0).map_or(Type::Any, |e| parse_type(e, eval));
            let default = call.args.get(1).map(|e| convert(eval(e), &ty));
            return Attr {
                ty,
                optional: true,
                default,
            };
        }
    }
    Attr {
        ty: parse_type(expr, eval),
        optional: false,
        default: None,
    }
}

/// Converts a value to a type as Terraform does for variable values; `Error` where
/// Terraform would reject the value. Unknown parts stay unknown.
pub(crate) fn convert(v: Val, ty: &Type) -> Val {
    match (v, ty) {
        (v @ (Val::Unknown | Val::Error), _) => v,
        (v, Type::Any) => v,
        (Val::Null, _) => Val::Null,
        // Its text is unknown; its structure may still say something as a string.
        (v @ Val::PartialJson(_), Type::String) => v,
        (Val::PartialJson(_), _) => Val::Unknown,
        (v, Type::String) => v.to_str().map_or(Val::Error, Val::String),
        (v, Type::Number) => match v {
            Val::Number(_) | Val::String(_) => v.to_number().map_or(Val::Error, Val::Number),
            _ => Val::Error,
        },
        (v, Type::Bool) => match v {
            Val::Bool(_) | Val::String(_) => v.to_bool().map_or(Val::Error, Val::Bool),
            _ => Val::Error,
        },
        (Val::List(items), Type::List(t)) => {
            Val::List(items.into_iter().map(|i| convert(i, t)).collect())
        }
        (Val::List(items), Type::Set(t)) => {
            to_set(items.into_iter().map(|i| convert(i, t)).collect())
        }
        (Val::List(items), Type::Tuple(ts)) if items.len() == ts.len() => Val::List(
            items
                .into_iter()
                .zip(ts)
                .map(|(i, t)| convert(i, t))
                .collect(),
        ),
        (Val::Object(fields), Type::Map(t)) => Val::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k, convert(v, t)))
                .collect(),
        ),
        (Val::Object(mut fields), Type::Object(attrs)) => {
            let mut out = BTreeMap::new();
            for (name, attr) in attrs {
                let value = match fields.remove(name) {
                    Some(Val::Null) | None if attr.optional => {
                        attr.default.clone().unwrap_or(Val::Null)
                    }
                    Some(v) => convert(v, &attr.ty),
                    None => return Val::Error,
                };
                out.insert(name.clone(), value);
            }
            Val::Object(out)
        }
        _ => Val::Error,
    }
}

/// A set: known members deduplicated in Terraform's order (strings lexically, numbers by
/// value), unknown members last.
pub(crate) fn to_set(items: Vec<Val>) -> Val {
    let (mut known, unknown): (Vec<Val>, Vec<Val>) =
        items.into_iter().partition(Val::is_wholly_known);
    if known.iter().all(|v| matches!(v, Val::String(_))) {
        known.sort_by_key(|v| v.to_str());
    } else if known.iter().all(|v| matches!(v, Val::Number(_))) {
        known.sort_by(|a, b| {
            let (x, y) = (a.to_number().unwrap_or(0.0), b.to_number().unwrap_or(0.0));
            x.total_cmp(&y)
        });
    }
    let mut out: Vec<Val> = Vec::with_capacity(known.len() + unknown.len());
    // By a text key rather than `out.contains`, which is quadratic: a set of 100,000
    // strings must not take minutes.
    let mut seen = std::collections::HashSet::new();
    for v in known {
        if seen.insert(format!("{v:?}")) {
            out.push(v);
        }
    }
    out.extend(unknown);
    Val::List(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(text: &str) -> Type {
        let expr = hcl_edit::parser::parse_expr(text).unwrap();
        let eval = |e: &Expression| match e {
            Expression::String(s) => Val::String(s.value().clone()),
            Expression::Number(n) => Val::Number(n.value().as_f64().unwrap()),
            Expression::Bool(b) => Val::Bool(*b.value()),
            _ => Val::Unknown,
        };
        parse_type(&expr, &eval)
    }

    fn s(x: &str) -> Val {
        Val::String(x.into())
    }

    #[test]
    fn primitives_convert_like_terraform() {
        assert_eq!(convert(s("true"), &ty("bool")), Val::Bool(true));
        assert_eq!(convert(s("yes"), &ty("bool")), Val::Error);
        assert_eq!(convert(Val::Number(3.0), &ty("string")), s("3"));
        assert_eq!(convert(s("2.5"), &ty("number")), Val::Number(2.5));
        assert_eq!(convert(Val::Bool(true), &ty("number")), Val::Error);
        assert_eq!(convert(Val::Null, &ty("string")), Val::Null);
        assert_eq!(convert(Val::Unknown, &ty("string")), Val::Unknown);
    }

    #[test]
    fn collections_and_objects() {
        assert_eq!(
            convert(Val::List(vec![s("b"), s("a"), s("b")]), &ty("set(string)")),
            Val::List(vec![s("a"), s("b")])
        );
        assert_eq!(
            convert(
                Val::List(vec![Val::Number(1.0), Val::Bool(false)]),
                &ty("list(string)")
            ),
            Val::List(vec![s("1"), s("false")])
        );
        let t = ty(
            r#"object({ name = string, port = optional(number, 443), tags = optional(map(string)) })"#,
        );
        let v = Val::Object(
            [
                ("name".to_string(), s("x")),
                ("extra".to_string(), s("dropped")),
            ]
            .into_iter()
            .collect(),
        );
        assert_eq!(
            convert(v, &t),
            Val::Object(
                [
                    ("name".to_string(), s("x")),
                    ("port".to_string(), Val::Number(443.0)),
                    ("tags".to_string(), Val::Null)
                ]
                .into_iter()
                .collect()
            )
        );
        // A required attribute is missing.
        assert_eq!(convert(Val::Object(BTreeMap::new()), &t), Val::Error);
        assert_eq!(convert(s("x"), &ty("list(string)")), Val::Error);
        assert_eq!(ty("any"), Type::Any);
        assert!(!ty("map(string)").takes_raw_string());
    }
}
