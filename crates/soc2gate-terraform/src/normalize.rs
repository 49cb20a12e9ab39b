//! Turns `resource` and `data` blocks into [`Resource`]s and their source spans: one per
//! instance, nested blocks as lists of objects, `dynamic` blocks expanded.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body, Structure};
use hcl_edit::visit::Visit;
use serde_json::Map;
use soc2gate_model::{Mode, Resource, ResourceSpans, Span};

use crate::config::Src;
use crate::element_spans;
use crate::eval::{Bindings, Normalized, Scope};
use crate::iam;
use crate::value::{index_path, key_path, Val};

/// Arguments Terraform itself interprets; they are not resource attributes.
const META_ATTRIBUTES: &[&str] = &["count", "for_each", "depends_on", "provider"];
const META_BLOCKS: &[&str] = &["lifecycle", "provisioner", "connection"];

/// The data source whose `json` soc2gate renders itself.
pub(crate) const POLICY_DOCUMENT: &str = "aws_iam_policy_document";

/// A `resource` or `data` block with its labels checked.
pub(crate) struct ResourceBlock<'a> {
    pub src: &'a Src<'a>,
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

    fn is_policy_document(&self) -> bool {
        self.mode == Mode::Data && self.rtype == POLICY_DOCUMENT
    }
}

/// The instances a block declares: one per `count` index or `for_each` key, none for
/// `count = 0` or an empty collection, and one with the plain address when their number
/// is unknown (its `count.index` and `each.*` unknown).
pub(crate) fn normalize<'a>(scope: &Scope<'a>, rb: &ResourceBlock<'a>) -> Vec<Normalized> {
    let instances = scope.instances(&rb.block.body, &Bindings::default());
    instances
        .into_list()
        .into_iter()
        .map(|(suffix, b)| instance(scope, rb, &suffix, &b))
        .collect()
}

fn instance<'a>(
    scope: &Scope<'a>,
    rb: &ResourceBlock<'a>,
    suffix: &str,
    b: &Bindings,
) -> Normalized {
    let mut builder = Builder {
        scope,
        src: rb.src,
        full: true,
        unknown: Vec::new(),
        refs: BTreeMap::new(),
        expressions: BTreeMap::new(),
        spans: BTreeMap::new(),
    };
    let mut body = builder.body(&rb.block.body, "", true, b);
    if rb.is_policy_document() {
        let (json, minified) = iam::render(&body);
        body.insert("json".into(), json);
        body.insert("minified_json".into(), minified);
    }
    let mut values = Map::new();
    for (key, v) in body {
        if let Some(j) = v.into_json(&key_path("", &key), &mut builder.unknown) {
            values.insert(key, j);
        }
    }
    let mut unknown = builder.unknown;
    unknown.sort();
    unknown.dedup();
    let address = scope.qualify(&format!("{}{suffix}", rb.address()));
    let resource = Resource {
        address,
        mode: rb.mode,
        rtype: rb.rtype.clone(),
        name: rb.name.clone(),
        provider: Resource::provider_of(&rb.rtype),
        module: scope.prefix.clone(),
        file: rb.src.path().to_string(),
        values,
        unknown,
        refs: builder.refs,
        expressions: builder.expressions,
    };
    let spans = ResourceSpans {
        file: rb.src.path().to_string(),
        header: rb.src.span(header_span(rb.block)),
        block: rb.src.span_of(rb.block),
        attributes: builder.spans,
        via: scope.via.clone(),
    };
    (resource, spans)
}

/// The evaluated body of a block as a value (for `aws_iam_policy_document`, which other
/// resources read), without spans or references.
pub(crate) fn body_value<'a>(
    scope: &Scope<'a>,
    rb: &ResourceBlock<'a>,
    b: &Bindings,
) -> BTreeMap<String, Val> {
    let mut builder = Builder {
        scope,
        src: rb.src,
        full: false,
        unknown: Vec::new(),
        refs: BTreeMap::new(),
        expressions: BTreeMap::new(),
        spans: BTreeMap::new(),
    };
    builder.body(&rb.block.body, "", true, b)
}

struct Builder<'s, 'a> {
    scope: &'s Scope<'a>,
    src: &'a Src<'a>,
    /// Record spans and references (off when only the value is wanted).
    full: bool,
    unknown: Vec<String>,
    refs: BTreeMap<String, Vec<String>>,
    /// Canonical expressions of attributes whose value is unknown.
    expressions: BTreeMap<String, String>,
    spans: BTreeMap<String, Span>,
}

impl Builder<'_, '_> {
    /// The values of a block body at `path`: attributes, and nested blocks as lists of
    /// objects in source order.
    fn body(&mut self, body: &Body, path: &str, top: bool, b: &Bindings) -> BTreeMap<String, Val> {
        let mut values = BTreeMap::new();
        let mut block_counts: HashMap<String, usize> = HashMap::new();
        let mut unknown_blocks: Vec<String> = Vec::new();
        for structure in body.iter() {
            match structure {
                Structure::Attribute(attr) => {
                    let key = attr.key.as_str();
                    if (top && META_ATTRIBUTES.contains(&key)) || values.contains_key(key) {
                        continue;
                    }
                    let value = self.scope.eval(&attr.value, b);
                    if self.full {
                        let p = key_path(path, key);
                        element_spans::record(
                            self.scope,
                            self.src,
                            &attr.value,
                            &p,
                            b,
                            &mut self.spans,
                        );
                        let refs = self.scope.refs(b, |c| c.visit_expr(&attr.value));
                        self.add_refs(&p, refs);
                        // Whole values only: a document with unknown parts is read as such.
                        if matches!(value, Val::Unknown | Val::Error) {
                            if let Some(e) = self.scope.expression_key(&attr.value, b) {
                                self.expressions.insert(p.clone(), e);
                            }
                        }
                        self.spans.insert(p, self.src.span_of(attr));
                    }
                    values.insert(key.to_string(), value);
                }
                Structure::Block(block) => {
                    let ident = block.ident.as_str();
                    if top && META_BLOCKS.contains(&ident) {
                        continue;
                    }
                    if ident == "dynamic" {
                        self.dynamic(
                            block,
                            path,
                            b,
                            &mut values,
                            &mut block_counts,
                            &mut unknown_blocks,
                        );
                        continue;
                    }
                    let Some(i) = next_index(&mut values, &mut block_counts, ident) else {
                        continue;
                    };
                    let p = index_path(&key_path(path, ident), i);
                    if self.full {
                        self.spans
                            .insert(p.clone(), self.src.span(header_span(block)));
                    }
                    let object = Val::Object(self.body(&block.body, &p, false, b));
                    push_block(&mut values, ident, object);
                }
            }
        }
        for name in unknown_blocks {
            values.insert(name, Val::Unknown);
        }
        values
    }

    /// A `dynamic` block: one nested block per element of a known `for_each`, with the
    /// iterator (`<label>` or `iterator = name`) bound to `{key, value}`. With an unknown
    /// collection the whole block list is unknown, never "missing".
    fn dynamic(
        &mut self,
        block: &Block,
        path: &str,
        b: &Bindings,
        values: &mut BTreeMap<String, Val>,
        block_counts: &mut HashMap<String, usize>,
        unknown_blocks: &mut Vec<String>,
    ) {
        let Some(label) = block.labels.first() else {
            return;
        };
        let name = label.as_str();
        let iterator = match block.body.get_attribute("iterator").map(|a| &a.value) {
            Some(Expression::Variable(v)) => v.as_str(),
            _ => name,
        };
        let for_each = block.body.get_attribute("for_each");
        let content = block.body.get_blocks("content").next();
        let items: Option<Vec<(Val, Val)>> = match for_each.map(|a| self.scope.eval(&a.value, b)) {
            Some(Val::List(items)) => Some(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (Val::Number(i as f64), v))
                    .collect(),
            ),
            Some(Val::Object(fields)) => Some(
                fields
                    .into_iter()
                    .map(|(k, v)| (Val::String(k), v))
                    .collect(),
            ),
            _ => None,
        };
        let (Some(items), Some(content), Some(for_each)) = (items, content, for_each) else {
            if self.full {
                let p = key_path(path, name);
                let refs = self.scope.refs(b, |c| c.visit_body(&block.body));
                self.add_refs(&p, refs);
                self.spans.insert(p, self.src.span(header_span(block)));
            }
            if !unknown_blocks.iter().any(|n| n == name) {
                unknown_blocks.push(name.to_string());
            }
            return;
        };
        let refs: Rc<[String]> = Rc::from(self.scope.refs(b, |c| c.visit_expr(&for_each.value)));
        for (key, value) in items {
            let Some(i) = next_index(values, block_counts, name) else {
                return;
            };
            let p = index_path(&key_path(path, name), i);
            if self.full {
                self.spans
                    .insert(p.clone(), self.src.span(header_span(block)));
            }
            let it = Val::Object(
                [("key".to_string(), key), ("value".to_string(), value)]
                    .into_iter()
                    .collect(),
            );
            let inner = b.with_refs(iterator, it, refs.clone());
            let object = Val::Object(self.body(&content.body, &p, false, &inner));
            push_block(values, name, object);
        }
    }

    fn add_refs(&mut self, path: &str, refs: Vec<String>) {
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
}

/// The index of the next block named `ident`, or `None` when an attribute of that name
/// came first (Terraform rejects such a body; the attribute wins).
fn next_index(
    values: &mut BTreeMap<String, Val>,
    counts: &mut HashMap<String, usize>,
    ident: &str,
) -> Option<usize> {
    if values.contains_key(ident) && !counts.contains_key(ident) {
        return None;
    }
    let count = counts.entry(ident.to_string()).or_insert(0);
    let i = *count;
    *count += 1;
    Some(i)
}

fn push_block(values: &mut BTreeMap<String, Val>, ident: &str, object: Val) {
    if let Val::List(list) = values
        .entry(ident.to_string())
        .or_insert_with(|| Val::List(vec![]))
    {
        list.push(object);
    }
}

fn span_of(node: &impl hcl_edit::Span) -> Span {
    node.span().map(Span::from).unwrap_or_default()
}

/// `resource "aws_s3_bucket" "logs"`: from the block type to the end of its last label
/// (in the parsed text; [`Src::span`] maps it into the file).
pub(crate) fn header_span(block: &Block) -> Span {
    let ident = span_of(&block.ident);
    let end = block.labels.last().map_or(ident.end, |l| span_of(l).end);
    Span::new(ident.start, end)
}
