//! A module directory as declared: its files parsed, and its variables, locals, resources,
//! module calls and outputs collected. A directory is read once and shared by every
//! instance of it (a root, or each call of it as a module).

use std::collections::{HashMap, HashSet};

use hcl_edit::expr::Expression;
use hcl_edit::structure::{Block, Body};
use soc2gate_model::{LoadError, Location, Mode, SourceFile, Span};

use crate::eval;
use crate::normalize::{header_span, ResourceBlock};
use crate::parse;
use crate::tfjson::{self, OffsetMap};
use crate::types::{parse_type, Type};

/// One source file as the evaluator sees it: HCL, or JSON rewritten as HCL with a map
/// back to the JSON's offsets.
pub(crate) struct Src<'a> {
    pub file: &'a SourceFile,
    pub map: Option<OffsetMap>,
}

impl Src<'_> {
    /// A span of the parsed text as a span of the file.
    pub(crate) fn span(&self, span: Span) -> Span {
        match &self.map {
            Some(map) => map.span(span),
            None => span,
        }
    }

    /// The span of a parsed node in the file.
    pub(crate) fn span_of(&self, node: &impl hcl_edit::Span) -> Span {
        self.span(node.span().map(Span::from).unwrap_or_default())
    }

    pub(crate) fn locate(&self, span: Span) -> Location {
        self.file.locate(self.span(span))
    }

    pub(crate) fn path(&self) -> &str {
        &self.file.path
    }
}

/// A parsed `.tf` or `.tf.json` file.
pub(crate) struct Parsed<'a> {
    pub src: Src<'a>,
    pub body: Body,
}

/// A file's syntax tree, and for JSON the map back to the JSON's offsets: what
/// [`Parsed`] holds besides the file, owned.
pub(crate) type Tree = (Option<OffsetMap>, Body);

/// Parses a module file; errors go to `errors`, and a file that could not be read at all
/// is `None`.
pub(crate) fn parse_tree(file: &SourceFile, errors: &mut Vec<LoadError>) -> Option<Tree> {
    if file.path.ends_with(".json") {
        match tfjson::to_hcl(file) {
            Ok((body, map, errs)) => {
                errors.extend(errs);
                Some((Some(map), body))
            }
            Err(e) => {
                errors.push(e);
                None
            }
        }
    } else {
        match parse::parse_recovering(file) {
            Ok(p) => {
                errors.extend(p.errors);
                Some((None, p.body))
            }
            Err(e) => {
                errors.push(e);
                None
            }
        }
    }
}

impl<'a> Parsed<'a> {
    pub(crate) fn new(file: &'a SourceFile, (map, body): Tree) -> Self {
        Parsed {
            src: Src { file, map },
            body,
        }
    }
}

/// The literal `source` of every `module` block of a file.
pub(crate) fn module_sources(body: &Body) -> Vec<String> {
    body.blocks()
        .filter(|b| b.ident.as_str() == "module")
        .filter_map(|b| match b.body.get_attribute("source").map(|a| &a.value) {
            Some(Expression::String(s)) => Some(s.value().to_string()),
            _ => None,
        })
        .collect()
}

pub(crate) struct Variable<'a> {
    pub default: Option<&'a Expression>,
    pub ty: Type,
    /// `nullable = false`: a null argument means the default.
    pub nullable: bool,
}

/// A `locals` entry: its expression and where it is defined (for cycle errors).
pub(crate) struct Local<'a> {
    pub expr: &'a Expression,
    pub src: &'a Src<'a>,
    pub span: Span,
}

/// A `module` block.
pub(crate) struct Call<'a> {
    pub name: String,
    pub src: &'a Src<'a>,
    pub block: &'a Block,
    /// The `source` string, when it is a literal (Terraform requires one).
    pub source: Option<String>,
}

/// `dir` joined with a relative path, `.` and `..` resolved, in display form (`.` for the
/// working directory, no trailing slash).
pub(crate) fn join_dir(dir: &str, rel: &str) -> String {
    let absolute = dir.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split('/').chain(rel.split(['/', '\\'])) {
        match part {
            "" | "." => {}
            // `..` of the root is the root.
            ".." if absolute && parts.is_empty() => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    // An absolute directory (a scan path given as `/srv/infra`) stays absolute.
    let root = if absolute { "/" } else { "" };
    if parts.is_empty() {
        if root.is_empty() { "." } else { root }.to_string()
    } else {
        format!("{root}{}", parts.join("/"))
    }
}

/// Everything one directory declares.
pub(crate) struct Config<'a> {
    pub dir: String,
    /// The files read, in load order.
    pub files: Vec<String>,
    pub variables: HashMap<String, Variable<'a>>,
    pub locals: HashMap<String, Local<'a>>,
    /// Locals in declaration order.
    pub local_order: Vec<String>,
    pub resources: Vec<ResourceBlock<'a>>,
    /// Address (`T.N`, `data.T.N`) -> index in `resources`.
    pub resource_index: HashMap<String, usize>,
    pub calls: Vec<Call<'a>>,
    pub outputs: Vec<(String, &'a Expression)>,
    /// Problems found while reading (parse errors, duplicates).
    pub errors: Vec<LoadError>,
}

impl<'a> Config<'a> {
    pub(crate) fn new(dir: &str, files: &'a [Parsed<'a>], mut errors: Vec<LoadError>) -> Self {
        let mut c = Config {
            dir: dir.to_string(),
            files: files.iter().map(|p| p.src.path().to_string()).collect(),
            variables: HashMap::new(),
            locals: HashMap::new(),
            local_order: Vec::new(),
            resources: Vec::new(),
            resource_index: HashMap::new(),
            calls: Vec::new(),
            outputs: Vec::new(),
            errors: Vec::new(),
        };
        for parsed in files {
            c.collect(parsed, &mut errors);
        }
        c.errors = errors;
        c
    }

    pub(crate) fn declares(&self, address: &str) -> bool {
        self.resource_index.contains_key(address)
    }

    /// Reads one file's top-level blocks.
    fn collect(&mut self, parsed: &'a Parsed<'a>, errors: &mut Vec<LoadError>) {
        let src = &parsed.src;
        // Terraform merges override files into the blocks they name; until that is
        // supported, their blocks are only used where they declare something new.
        let name = src.path().rsplit('/').next().unwrap_or("");
        let is_override = name.ends_with("override.tf") || name.ends_with("override.tf.json");
        let mut outputs_seen: HashSet<String> =
            self.outputs.iter().map(|(n, _)| n.clone()).collect();
        for block in parsed.body.blocks() {
            match block.ident.as_str() {
                kind @ ("resource" | "data") => {
                    let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                    let [rtype, name] = labels.as_slice() else {
                        errors.push(error_at(
                            src,
                            header_span(block),
                            format!("a {kind} block needs two labels, a type and a name"),
                            "write it as `resource \"TYPE\" \"NAME\" { ... }`; soc2gate skipped this block",
                        ));
                        continue;
                    };
                    let rb = ResourceBlock {
                        src,
                        block,
                        mode: if kind == "data" {
                            Mode::Data
                        } else {
                            Mode::Managed
                        },
                        rtype: rtype.to_string(),
                        name: name.to_string(),
                    };
                    let address = rb.address();
                    if self.resource_index.contains_key(&address) {
                        if !is_override {
                            errors.push(duplicate(src, block, &address));
                        }
                        continue;
                    }
                    self.resource_index.insert(address, self.resources.len());
                    self.resources.push(rb);
                }
                "variable" => {
                    let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                        continue;
                    };
                    if self.variables.contains_key(&name) {
                        if !is_override {
                            errors.push(duplicate(src, block, &format!("var.{name}")));
                        }
                        continue;
                    }
                    let attr = |k: &str| block.body.get_attribute(k).map(|a| &a.value);
                    let ty = attr("type").map_or(Type::Any, |t| parse_type(t, &eval::constant));
                    let nullable =
                        !matches!(attr("nullable"), Some(Expression::Bool(b)) if !*b.value());
                    self.variables.insert(
                        name,
                        Variable {
                            default: attr("default"),
                            ty,
                            nullable,
                        },
                    );
                }
                "locals" => {
                    for attr in block.body.attributes() {
                        let name = attr.key.as_str();
                        if self.locals.contains_key(name) {
                            if !is_override {
                                errors.push(error_at(
                                    src,
                                    span_of(attr),
                                    format!("local.{name} is defined more than once"),
                                    "keep one definition; Terraform rejects this, and soc2gate used the first",
                                ));
                            }
                            continue;
                        }
                        self.local_order.push(name.to_string());
                        self.locals.insert(
                            name.to_string(),
                            Local {
                                expr: &attr.value,
                                src,
                                span: span_of(attr),
                            },
                        );
                    }
                }
                "module" => {
                    let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                        continue;
                    };
                    if self.calls.iter().any(|c| c.name == name) {
                        if !is_override {
                            errors.push(duplicate(src, block, &format!("module.{name}")));
                        }
                        continue;
                    }
                    let source = match block.body.get_attribute("source").map(|a| &a.value) {
                        Some(Expression::String(s)) => Some(s.value().to_string()),
                        _ => None,
                    };
                    self.calls.push(Call {
                        name,
                        src,
                        block,
                        source,
                    });
                }
                "output" => {
                    let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                        continue;
                    };
                    let Some(value) = block.body.get_attribute("value") else {
                        continue;
                    };
                    if outputs_seen.insert(name.clone()) {
                        self.outputs.push((name, &value.value));
                    }
                }
                // `provider`, `terraform`, `moved`, `import`, `check`: nothing a resource
                // policy reads.
                _ => {}
            }
        }
    }
}

fn span_of(node: &impl hcl_edit::Span) -> Span {
    node.span().map(Span::from).unwrap_or_default()
}

fn duplicate(src: &Src<'_>, block: &Block, what: &str) -> LoadError {
    error_at(
        src,
        header_span(block),
        format!("{what} is declared more than once in this module"),
        "keep one declaration; Terraform rejects this, and soc2gate used the first",
    )
}

pub(crate) fn error_at(src: &Src<'_>, span: Span, message: String, help: &str) -> LoadError {
    LoadError {
        location: src.locate(span),
        message,
        help: Some(help.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::join_dir;

    #[test]
    fn joins_display_dirs() {
        assert_eq!(join_dir(".", "./modules/x"), "modules/x");
        assert_eq!(join_dir("infra", "../modules/x/"), "modules/x");
        assert_eq!(join_dir("examples/complete", "../../"), ".");
        assert_eq!(join_dir(".", "../other"), "../other");
        assert_eq!(join_dir("a", ".\\b"), "a/b");
        assert_eq!(
            join_dir("/srv/infra/examples/simple", "../../"),
            "/srv/infra"
        );
        assert_eq!(join_dir("/srv", "./modules/x"), "/srv/modules/x");
        assert_eq!(join_dir("/", "../x"), "/x");
    }
}
