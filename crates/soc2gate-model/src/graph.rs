//! The normalized resource graph (the policy input) and the source map beside it.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::{AttrPath, Location, Span};

/// Where a resource comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// A Terraform `resource` block.
    Managed,
    /// A Terraform `data` block.
    Data,
    /// An entry of a settings file such as `.github/settings.yml`.
    Settings,
}

/// One resource as every policy sees it, whatever file format it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// `module.logs.aws_s3_bucket.this[0]`; `data.` prefix for data sources.
    pub address: String,
    pub mode: Mode,
    #[serde(rename = "type")]
    pub rtype: String,
    pub name: String,
    /// Provider name: the type's prefix up to the first `_` (`aws`, `github`).
    pub provider: String,
    /// `module.logs` for a resource inside a module call, `""` for the root module.
    pub module: String,
    /// Relative to the working directory, forward slashes.
    pub file: String,
    /// What is known statically. Nested blocks are lists of objects.
    pub values: Map<String, Value>,
    /// Attribute paths (text form of [`AttrPath`]) whose value cannot be known statically.
    /// A path listed here is absent from `values` (or `null` inside a list).
    pub unknown: Vec<String>,
    /// Attribute path -> addresses of the resources its expression references.
    pub refs: BTreeMap<String, Vec<String>>,
    /// Attribute path -> the canonical text of its expression, for attributes whose value
    /// is unknown, qualified with the module instance (`module.logs: var.name`): two
    /// attributes written as the same expression in the same module instance have the
    /// same value although it is unknown. Left out of the input when empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub expressions: BTreeMap<String, String>,
}

impl Resource {
    /// Provider of a resource type: `aws_s3_bucket` -> `aws`.
    pub fn provider_of(rtype: &str) -> String {
        rtype.split('_').next().unwrap_or(rtype).to_string()
    }
}

/// One `module` block on the way from a root module to a resource inside a called module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleCall {
    /// `module.logs` (nested calls: `module.logs.module.bucket`).
    pub address: String,
    /// The caller's file and the span of the `module "logs"` header in it.
    pub file: String,
    pub span: Span,
}

/// A `module` block whose module was not loaded: the resources it creates are not
/// checked, and its outputs are unknown to the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnexpandedModule {
    /// `module.vpc`; inside a called module, the full address (`module.app.module.vpc`).
    pub address: String,
    /// The `source` argument as written, `""` when it is not a literal string.
    pub source: String,
    /// The `module "vpc"` header.
    pub location: Location,
    /// Why it was not expanded, e.g. `not installed: no .terraform/modules/modules.json`.
    pub reason: String,
    /// What the user can do about it.
    pub help: String,
}

impl UnexpandedModule {
    /// One sentence for a log line: `module.vpc (terraform-aws-modules/vpc/aws) was not
    /// expanded: not installed: no .terraform/modules/modules.json`.
    pub fn message(&self) -> String {
        let source = if self.source.is_empty() {
            String::new()
        } else {
            format!(" ({})", self.source)
        };
        format!("{}{source} was not expanded: {}", self.address, self.reason)
    }
}

/// The spans of one resource: its header (`resource "t" "n"`), its whole block, and every
/// attribute and nested block by path. Nested blocks are recorded at `block[i]`,
/// attributes at their full path, e.g. `rule[0].apply_server_side_encryption_by_default[0].sse_algorithm`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ResourceSpans {
    pub file: String,
    pub header: Span,
    pub block: Span,
    pub attributes: BTreeMap<String, Span>,
    /// For a resource inside a called module: the calls from the root down to it, outermost
    /// first. Empty in a root module.
    pub via: Vec<ModuleCall>,
}

/// Address -> spans, for every resource of a module.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SourceMap {
    pub resources: BTreeMap<String, ResourceSpans>,
}

impl SourceMap {
    pub fn insert(&mut self, address: impl Into<String>, spans: ResourceSpans) {
        self.resources.insert(address.into(), spans);
    }

    /// Locates `(resource, attribute)`: the attribute if recorded, else the nearest
    /// enclosing recorded block, else the resource header. `None` for an unknown address.
    pub fn locate(&self, address: &str, attribute: &str) -> Option<(&str, Span)> {
        let spans = self.resources.get(address)?;
        let mut path = Some(AttrPath::parse(attribute));
        while let Some(p) = path {
            if p.is_empty() {
                break;
            }
            if let Some(span) = spans.attributes.get(&p.to_string()) {
                return Some((&spans.file, *span));
            }
            path = p.parent();
        }
        Some((&spans.file, spans.header))
    }

    /// The module calls that lead to a resource, outermost first (empty for a resource of
    /// a root module or an unknown address).
    pub fn via(&self, address: &str) -> &[ModuleCall] {
        self.resources
            .get(address)
            .map_or(&[], |s| s.via.as_slice())
    }
}

/// What an evaluation unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ModuleKind {
    /// All `.tf` files of one directory (with the modules it calls expanded).
    Terraform,
    /// One settings file.
    Settings,
}

/// One evaluation unit: the input of one policy evaluation and its source map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Module {
    /// The directory (Terraform) or file (settings), relative, forward slashes; `.` for
    /// the working directory itself.
    pub path: String,
    pub kind: ModuleKind,
    /// The files whose content went into this unit.
    pub files: Vec<String>,
    pub resources: Vec<Resource>,
    pub source_map: SourceMap,
}

impl Module {
    pub fn new(path: impl Into<String>, kind: ModuleKind) -> Self {
        Module {
            path: path.into(),
            kind,
            files: Vec::new(),
            resources: Vec::new(),
            source_map: SourceMap::default(),
        }
    }

    /// The policy input: `{"resources": {"<type>": [resource, ...]}}`, resources of a
    /// type in address order so evaluation is deterministic.
    pub fn input(&self) -> Value {
        let mut by_type: BTreeMap<&str, Vec<&Resource>> = BTreeMap::new();
        for r in &self.resources {
            by_type.entry(&r.rtype).or_default().push(r);
        }
        let mut types = Map::new();
        for (t, mut rs) in by_type {
            rs.sort_by(|a, b| a.address.cmp(&b.address));
            types.insert(
                t.to_string(),
                Value::Array(
                    rs.into_iter()
                        .map(|r| serde_json::to_value(r).expect("resource serializes"))
                        .collect(),
                ),
            );
        }
        let mut input = Map::new();
        input.insert("resources".into(), Value::Object(types));
        Value::Object(input)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_falls_back_to_enclosing_block_then_header() {
        let mut map = SourceMap::default();
        let mut spans = ResourceSpans {
            file: "main.tf".into(),
            header: Span::new(0, 10),
            block: Span::new(0, 100),
            ..Default::default()
        };
        spans.attributes.insert("rule[0]".into(), Span::new(20, 60));
        spans
            .attributes
            .insert("rule[0].bucket_key_enabled".into(), Span::new(30, 40));
        map.insert("aws_s3_bucket.b", spans);

        let at = |attr| map.locate("aws_s3_bucket.b", attr).unwrap().1;
        assert_eq!(at("rule[0].bucket_key_enabled"), Span::new(30, 40));
        assert_eq!(at("rule[0].apply[0].sse_algorithm"), Span::new(20, 60));
        assert_eq!(at("versioning"), Span::new(0, 10));
        assert_eq!(at(""), Span::new(0, 10));
        assert!(map.locate("aws_s3_bucket.other", "").is_none());
    }

    #[test]
    fn input_groups_by_type() {
        let mut m = Module::new(".", ModuleKind::Terraform);
        for (t, n) in [("b_t", "z"), ("a_t", "x"), ("b_t", "a")] {
            m.resources.push(Resource {
                address: format!("{t}.{n}"),
                mode: Mode::Managed,
                rtype: t.into(),
                name: n.into(),
                provider: Resource::provider_of(t),
                module: String::new(),
                file: "main.tf".into(),
                values: Map::new(),
                unknown: vec![],
                refs: BTreeMap::new(),
                expressions: BTreeMap::new(),
            });
        }
        let input = m.input();
        let b = input["resources"]["b_t"].as_array().unwrap();
        assert_eq!(b.len(), 2);
        assert_eq!(b[0]["address"], "b_t.a");
        assert_eq!(b[0]["provider"], "b");
        assert_eq!(b[0]["mode"], "managed");
    }
}

/// What a loader returns: the unit it built (possibly partial) and the problems it met.
/// A loader never panics and never drops input silently: what it could not read is an
/// error here, what it could not evaluate is `unknown` in the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub module: Module,
    /// Problems that make the scan untrustworthy (exit 2): unparsable files, invalid input.
    pub errors: Vec<crate::LoadError>,
    /// Things the user should know that do not invalidate the scan, e.g. a settings entry
    /// that was ignored.
    pub warnings: Vec<crate::LoadError>,
    /// `module` blocks whose module was not loaded (remote sources, missing directories).
    pub unexpanded: Vec<UnexpandedModule>,
}

impl Loaded {
    /// A unit with no problems.
    pub fn new(module: Module) -> Self {
        Loaded {
            module,
            errors: Vec::new(),
            warnings: Vec::new(),
            unexpanded: Vec::new(),
        }
    }
}
