//! Where the elements of an attribute's value are written, so that a finding on
//! `policy.Statement[1].Action` points at that `Action` line rather than at `policy = ...`.
//!
//! Array and object literals are walked (also inside `jsonencode`), and so is what builds a
//! value from other expressions the way Terraform evaluates it: a local declared in the
//! resource's file, `merge` (a later argument's key replaces the earlier value) and
//! `concat` (each argument's elements follow those of the arguments before it). Spans are
//! recorded only in the resource's own file, which is the file its source map points into;
//! an element written elsewhere is located at the nearest enclosing element instead.

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, FuncCall, ObjectKey, TraversalOperator};
use soc2gate_model::{AttrPath, PathSegment, Span};

use crate::config::Src;
use crate::eval::{Bindings, Scope};
use crate::value::{index_path, key_path, Val};

/// Locals followed into locals: deeper than this is not followed.
const MAX_DEPTH: usize = 32;

/// Expressions walked per attribute. A local used twice by a local used twice... doubles
/// the walk at each step, like the value it builds; past this the remaining elements are
/// located at their nearest recorded parent.
const MAX_STEPS: usize = 100_000;

/// Records the spans of the elements of `expr`, the value of the attribute at `path`
/// written in `src` (the resource's file) and evaluated with `b`.
pub(crate) fn record(
    scope: &Scope<'_>,
    src: &Src<'_>,
    expr: &Expression,
    path: &str,
    b: &Bindings,
    spans: &mut BTreeMap<String, Span>,
) {
    let mut walk = Walk {
        scope,
        file: src.path(),
        spans: std::mem::take(spans),
        locals: Vec::new(),
        steps: 0,
    };
    walk.expr(src, expr, path, b, 0);
    *spans = walk.spans;
}

struct Walk<'s, 'a> {
    scope: &'s Scope<'a>,
    /// The resource's file.
    file: &'s str,
    spans: BTreeMap<String, Span>,
    /// The locals being walked, outermost first: one met again is a cycle (which
    /// evaluation reports) and is not followed.
    locals: Vec<String>,
    steps: usize,
}

impl Walk<'_, '_> {
    fn expr(&mut self, src: &Src<'_>, expr: &Expression, path: &str, b: &Bindings, depth: usize) {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return;
        }
        match expr {
            Expression::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = index_path(path, i);
                    self.expr(src, item, &p, b, depth);
                    self.spans.insert(p, src.span_of(item));
                }
            }
            Expression::Object(object) => {
                for (key, value) in object.iter() {
                    let name = match key {
                        ObjectKey::Ident(ident) => ident.as_str(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().as_str(),
                        ObjectKey::Expression(Expression::Variable(v)) => v.as_str(),
                        ObjectKey::Expression(_) => continue,
                    };
                    let p = key_path(path, name);
                    let start = src.span_of(key).start;
                    let end = src.span_of(value.expr()).end;
                    self.expr(src, value.expr(), &p, b, depth);
                    self.spans.insert(p, Span::new(start, end));
                }
            }
            Expression::Parenthesis(inner) => self.expr(src, inner.inner(), path, b, depth),
            Expression::FuncCall(call) => match function_name(call) {
                Some("jsonencode") if call.args.len() == 1 => {
                    if let Some(arg) = call.args.get(0) {
                        self.expr(src, arg, path, b, depth);
                    }
                }
                Some("merge") => self.merge(src, call, path, b, depth),
                Some("concat") => self.concat(src, call, path, b, depth),
                _ => {}
            },
            Expression::Traversal(t) => {
                let name = match (&t.expr, t.operators.as_slice()) {
                    (Expression::Variable(root), [op]) if root.as_str() == "local" => {
                        match op.value() {
                            TraversalOperator::GetAttr(name) => Some(name.as_str()),
                            _ => None,
                        }
                    }
                    _ => None,
                };
                let Some((name, local)) =
                    name.and_then(|n| Some((n, self.scope.config.locals.get(n)?)))
                else {
                    return;
                };
                let on_path = self.locals.iter().any(|l| l == name);
                // A local sees no `count` or `each`.
                if local.src.path() == self.file && depth < MAX_DEPTH && !on_path {
                    self.locals.push(name.to_string());
                    self.expr(local.src, local.expr, path, &Bindings::default(), depth + 1);
                    self.locals.pop();
                }
            }
            _ => {}
        }
    }

    /// The spans `expr` records under `path`, apart from those already recorded.
    fn of(
        &mut self,
        src: &Src<'_>,
        expr: &Expression,
        path: &str,
        b: &Bindings,
        depth: usize,
    ) -> BTreeMap<String, Span> {
        let outer = std::mem::take(&mut self.spans);
        self.expr(src, expr, path, b, depth);
        std::mem::replace(&mut self.spans, outer)
    }

    /// `merge(a, b, ...)`: each argument's keys replace those of the arguments before it,
    /// with everything under them. An argument whose keys are unknown may replace any key,
    /// so the earlier spans are dropped.
    fn merge(&mut self, src: &Src<'_>, call: &FuncCall, path: &str, b: &Bindings, depth: usize) {
        let base = AttrPath::parse(path);
        for arg in call.args.iter() {
            let spans = self.of(src, arg, path, b, depth);
            let replaced: Option<Vec<AttrPath>> = match self.scope.eval(arg, b) {
                Val::Object(fields) => Some(fields.keys().map(|k| base.key(k.as_str())).collect()),
                _ => None,
            };
            self.spans.retain(|p, _| {
                let p = AttrPath::parse(p);
                if !p.starts_with(&base) || p == base {
                    return true;
                }
                replaced
                    .as_ref()
                    .is_some_and(|keys| !keys.iter().any(|k| p.starts_with(k)))
            });
            self.spans.extend(spans);
        }
    }

    /// `concat(a, b, ...)`: the elements of each argument follow those of the arguments
    /// before it, so their indices shift by the earlier lengths. After an argument whose
    /// length is unknown, the indices are unknown too.
    fn concat(&mut self, src: &Src<'_>, call: &FuncCall, path: &str, b: &Bindings, depth: usize) {
        let base = AttrPath::parse(path);
        let mut offset = 0;
        for arg in call.args.iter() {
            for (p, span) in self.of(src, arg, path, b, depth) {
                if let Some(shifted) = shift(&AttrPath::parse(&p), &base, offset) {
                    self.spans.insert(shifted.to_string(), span);
                }
            }
            match self.scope.eval(arg, b) {
                Val::List(items) => offset += items.len(),
                _ => return,
            }
        }
    }
}

/// `base[i]...` as `base[i + offset]...`; `None` for a path that is not an element of
/// `base`.
fn shift(p: &AttrPath, base: &AttrPath, offset: usize) -> Option<AttrPath> {
    if !p.starts_with(base) {
        return None;
    }
    let mut segments = p.0.clone();
    match segments.get_mut(base.0.len()) {
        Some(PathSegment::Index(i)) => *i += offset,
        _ => return None,
    }
    Some(AttrPath(segments))
}

/// The name of a call of one of Terraform's own functions (`provider::x::f` is not).
fn function_name(call: &FuncCall) -> Option<&str> {
    (!call.name.is_namespaced()).then(|| call.name.name.as_str())
}
