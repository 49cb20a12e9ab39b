//! Turns `resource` and `data` blocks into [`Resource`]s and their source spans.

use std::collections::BTreeMap;

use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::visit::Visit;
use serde_json::{Map, Value};
use soc2gate_model::{AttrPath, Mode, Resource, ResourceSpans, SourceFile, Span};

use crate::eval::{Bindings, Scope};
use crate::value::Val;

/// Arguments Terraform itself interprets; they are not resource attributes.
const META_ATTRIBUTES: &[&str] = &["count", "for_each", "depends_on", "provider"];
const META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];

/// A `resource` or `data` block with its labels checked.
pub(crate) struct ResourceBlock<'a> {
    pub file: &'a SourceFile,
    pub block: &'a Block,
    pub mode: Mode,
    pub rtype: String,
    pub name: String,
}

impl ResourceBlock<'_> {
    /// `T.N`, or `data.T.N` for a data source.
    pub(crate) fn address(&self) -> String {
        match self.mode {
            Mode::Data => format!("data.{}.{}", self.rtype, self.name),
            _ => format!("{}.{}", self.rtype, self.name),
        }
    }
}

/// The resource a block declares, or `None` when it declares no instance at all
/// (`count = 0`, an empty `for_each`).
pub(crate) fn normalize(
    scope: &Scope<'_>,
    rb: &ResourceBlock<'_>,
) -> Option<(Resource, ResourceSpans)> {
    let bindings = instance_bindings(scope, &rb.block.body)?;
    let mut builder = Builder {
        scope,
        bindings,
        unknown: Vec::new(),
        refs: BTreeMap::new(),
        spans: BTreeMap::new(),
    };
    let values = builder.body(&rb.block.body, &AttrPath::root(), true);
    let mut unknown = builder.unknown;
    unknown.sort();
    unknown.dedup();
    let resource = Resource {
        address: rb.address(),
        mode: rb.mode,
        rtype: rb.rtype.clone(),
        name: rb.name.clone(),
        provider: Resource::provider_of(&rb.rtype),
        module: String::new(),
        file: rb.file.path.clone(),
        values,
        unknown,
        refs: builder.refs,
    };
    let spans = ResourceSpans {
        file: rb.file.path.clone(),
        header: header_span(rb.block),
        block: span_of(rb.block),
        attributes: builder.spans,
        via: Vec::new(),
    };
    Some((resource, spans))
}

/// Until `count` and `for_each` are expanded, a resource that has them stands for all its
/// instances, with `count.index` and `each.*` unknown.
fn instance_bindings(scope: &Scope<'_>, body: &Body) -> Option<Bindings> {
    let mut bindings = Bindings::default();
    if let Some(count) = body.get_attribute("count") {
        if scope.eval(&count.value, &bindings).to_number() == Some(0.0) {
            return None;
        }
        bindings = bindings.with("count", Val::Unknown);
    }
    if let Some(for_each) = body.get_attribute("for_each") {
        match scope.eval(&for_each.value, &bindings) {
            Val::List(items) if items.is_empty() => return None,
            Val::Object(fields) if fields.is_empty() => return None,
            _ => {}
        }
        bindings = bindings.with("each", Val::Unknown);
    }
    Some(bindings)
}

struct Builder<'s, 'a> {
    scope: &'s Scope<'a>,
    bindings: Bindings,
    unknown: Vec<String>,
    refs: BTreeMap<String, Vec<String>>,
    spans: BTreeMap<String, Span>,
}

impl Builder<'_, '_> {
    /// The values of a block body at `path`: attributes, and nested blocks as lists of
    /// objects in source order.
    fn body(&mut self, body: &Body, path: &AttrPath, top: bool) -> Map<String, Value> {
        let mut values = Map::new();
        let mut block_counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut dynamic: Vec<&str> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.as_str();
                    if top && META_ATTRIBUTES.contains(&key) {
                        continue;
                    }
                    let p = path.key(key);
                    self.spans.insert(p.to_string(), span_of(attr));
                    self.element_spans(&attr.value, &p);
                    let refs = self.scope.refs(|c| c.visit_expr(&attr.value));
                    self.add_refs(&p, refs);
                    let value = self.scope.eval(&attr.value, &self.bindings);
                    if let Some(json) = value.to_json(&p, &mut self.unknown) {
                        values.insert(key.to_string(), json);
                    }
                }
                Structure::Block(block) => {
                    let ident = block.ident.as_str();
                    if top && META_BLOCKS.contains(&ident) {
                        continue;
                    }
                    if ident == "dynamic" {
                        // Its instances depend on for_each: the block list is unknown,
                        // never "missing".
                        let Some(label) = block.labels.first() else {
                            continue;
                        };
                        let p = path.key(label.as_str());
                        self.spans.insert(p.to_string(), header_span(block));
                        let refs = self.scope.refs(|c| c.visit_body(&block.body));
                        self.add_refs(&p, refs);
                        dynamic.push(label.as_str());
                        continue;
                    }
                    let count = block_counts.entry(ident).or_insert(0);
                    let p = path.key(ident).index(*count);
                    *count += 1;
                    self.spans.insert(p.to_string(), header_span(block));
                    let object = Value::Object(self.body(&block.body, &p, false));
                    // An attribute of the same name that came first wins; Terraform
                    // rejects such a block anyway.
                    if let Value::Array(list) =
                        values.entry(ident).or_insert_with(|| Value::Array(vec![]))
                    {
                        list.push(object);
                    }
                }
            }
        }
        for name in dynamic {
            values.shift_remove(name);
            self.unknown.push(path.key(name).to_string());
        }
        values
    }

    fn add_refs(&mut self, path: &AttrPath, refs: Vec<String>) {
        if refs.is_empty() {
            return;
        }
        let entry = self.refs.entry(path.to_string()).or_default();
        for r in refs {
            if !entry.contains(&r) {
                entry.push(r);
            }
        }
    }

    /// Spans of the elements of array and object literals (also inside `jsonencode`), so
    /// that a finding on `policy.Statement[0].Action` points at that line.
    fn element_spans(&mut self, expr: &Expression, path: &AttrPath) {
        match expr {
            Expression::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let p = path.index(i);
                    self.spans.insert(p.to_string(), span_of(item));
                    self.element_spans(item, &p);
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
                    let p = path.key(name);
                    let start = span_of(key).start;
                    let end = span_of(value.expr()).end;
                    self.spans.insert(p.to_string(), Span::new(start, end));
                    self.element_spans(value.expr(), &p);
                }
            }
            Expression::Parenthesis(inner) => self.element_spans(inner.inner(), path),
            Expression::FuncCall(call)
                if call.name.name.as_str() == "jsonencode"
                    && !call.name.is_namespaced()
                    && call.args.len() == 1 =>
            {
                if let Some(arg) = call.args.get(0) {
                    self.element_spans(arg, path);
                }
            }
            _ => {}
        }
    }
}

fn span_of(node: &impl hcl_edit::Span) -> Span {
    node.span().map(Span::from).unwrap_or_default()
}

/// `resource "aws_s3_bucket" "logs"`: from the block type to the end of its last label.
pub(crate) fn header_span(block: &Block) -> Span {
    let ident = span_of(&block.ident);
    let end = block.labels.last().map_or(ident.end, |l| span_of(l).end);
    Span::new(ident.start, end)
}
