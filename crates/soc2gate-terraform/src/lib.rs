//! Loads Terraform into soc2gate's resource graph: parses `.tf` and `.tfvars` files with
//! spans, evaluates what can be known statically (variables, locals, literals, a set of
//! functions), and normalizes `resource` and `data` blocks into resources with a
//! source map. What cannot be known is listed as unknown, never guessed.
//!
//! `module` blocks are not expanded yet: the resources of a called module are not part of
//! the caller's graph, and `module.x.y` evaluates to unknown.

mod eval;
mod functions;
mod normalize;
mod parse;
mod value;

use std::collections::HashMap;

use hcl_edit::structure::{Block, Body, Structure};
use soc2gate_model::{LoadError, Loaded, Mode, Module, ModuleKind, SourceFile, Span};

use crate::eval::{Bindings, Decls, Local, Scope};
use crate::normalize::{header_span, normalize, ResourceBlock};
use crate::value::Val;

/// Parse only (for the parse-only benchmark and for error reporting).
pub fn parse(file: &SourceFile) -> Result<hcl_edit::structure::Body, LoadError> {
    parse::parse_strict(file)
}

/// Load one Terraform module: all `.tf` files of one directory plus its
/// `terraform.tfvars` and `*.auto.tfvars` (lexical order, later wins). `dir` is the
/// module directory relative to the working directory with forward slashes ("." for cwd).
/// Files whose name does not end in .tf / .tfvars are ignored. A file that fails to parse
/// is an error in `Loaded.errors`; the other files are still loaded. Other `.tfvars`
/// files are not read: Terraform reads them only when passed with `-var-file`.
pub fn load_module(dir: &str, files: &[&SourceFile]) -> Loaded {
    let mut module = Module::new(dir, ModuleKind::Terraform);
    let mut errors = Vec::new();

    let (tf_files, tfvars_files) = select_files(files);
    let tf = parse_all(&tf_files, &mut errors);
    let tfvars = parse_all(&tfvars_files, &mut errors);
    module.files = tf
        .iter()
        .chain(&tfvars)
        .map(|(f, _)| f.path.clone())
        .collect();

    let mut decls = Decls::default();
    let mut blocks = Vec::new();
    for (file, body) in &tf {
        collect(file, body, &mut decls, &mut blocks, &mut errors);
    }
    decls.tfvars = read_tfvars(dir, &tfvars, &decls);

    let scope = Scope::new(dir, decls);
    scope.check_locals();
    for rb in &blocks {
        if let Some((resource, spans)) = normalize(&scope, rb) {
            module.source_map.insert(resource.address.clone(), spans);
            module.resources.push(resource);
        }
    }
    errors.extend(scope.take_errors());
    Loaded {
        module,
        errors,
        warnings: Vec::new(),
    }
}

/// Parses files, keeping those that parse (possibly with recovered errors).
fn parse_all<'f>(
    files: &[&'f SourceFile],
    errors: &mut Vec<LoadError>,
) -> Vec<(&'f SourceFile, Body)> {
    let mut parsed = Vec::new();
    for &file in files {
        match parse::parse_recovering(file) {
            Ok(p) => {
                errors.extend(p.errors);
                parsed.push((file, p.body));
            }
            Err(e) => errors.push(e),
        }
    }
    parsed
}

/// The `.tf` files in lexical order, then the tfvars files Terraform loads automatically
/// in the order it applies them.
fn select_files<'f>(files: &[&'f SourceFile]) -> (Vec<&'f SourceFile>, Vec<&'f SourceFile>) {
    let name = |f: &SourceFile| f.path.rsplit('/').next().unwrap_or("").to_string();
    let mut tf: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| name(f).ends_with(".tf"))
        .collect();
    tf.sort_by_key(|f| name(f));
    let mut tfvars: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| {
            let n = name(f);
            n == "terraform.tfvars" || n.ends_with(".auto.tfvars")
        })
        .collect();
    tfvars.sort_by_key(|f| (name(f) != "terraform.tfvars", name(f)));
    (tf, tfvars)
}

/// Reads one file's top-level blocks into the module's declarations.
fn collect<'a>(
    file: &'a SourceFile,
    body: &'a Body,
    decls: &mut Decls<'a>,
    blocks: &mut Vec<ResourceBlock<'a>>,
    errors: &mut Vec<LoadError>,
) {
    // Terraform merges override files into the blocks they name; until that is supported,
    // their blocks are only used where they declare something new.
    let name = file.path.rsplit('/').next().unwrap_or("");
    let is_override = name == "override.tf" || name.ends_with("_override.tf");
    for block in body.blocks() {
        match block.ident.as_str() {
            kind @ ("resource" | "data") => {
                let labels: Vec<&str> = block.labels.iter().map(|l| l.as_str()).collect();
                let [rtype, name] = labels.as_slice() else {
                    errors.push(error_at(
                        file,
                        header_span(block),
                        format!("a {kind} block needs two labels, a type and a name"),
                        "write it as `resource \"TYPE\" \"NAME\" { ... }`; soc2gate skipped this block",
                    ));
                    continue;
                };
                let rb = ResourceBlock {
                    file,
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
                if decls.resources.contains(&address) {
                    if !is_override {
                        errors.push(duplicate(file, block, &address));
                    }
                    continue;
                }
                decls.resources.insert(address);
                blocks.push(rb);
            }
            "variable" => {
                let Some(name) = block.labels.first().map(|l| l.as_str().to_string()) else {
                    continue;
                };
                if decls.variables.contains_key(&name) {
                    if !is_override {
                        errors.push(duplicate(file, block, &format!("var.{name}")));
                    }
                    continue;
                }
                let default = block.body.get_attribute("default").map(|a| &a.value);
                decls.variables.insert(name, default);
            }
            "locals" => {
                for attr in block.body.attributes() {
                    let name = attr.key.as_str();
                    if decls.locals.iter().any(|(n, _)| n == name) {
                        if !is_override {
                            errors.push(error_at(
                                file,
                                span_of(attr),
                                format!("local.{name} is defined more than once"),
                                "keep one definition; Terraform rejects this, and soc2gate used the first",
                            ));
                        }
                        continue;
                    }
                    let local = Local {
                        expr: &attr.value,
                        file,
                        span: span_of(attr),
                    };
                    decls.locals.push((name.to_string(), local));
                }
            }
            // `module` calls are not expanded yet; `output`, `provider` and `terraform`
            // hold nothing a resource policy reads.
            _ => {}
        }
    }
}

/// Values of tfvars files for declared variables; later files win. Terraform only warns
/// about values for undeclared variables, so those are ignored.
fn read_tfvars(
    dir: &str,
    files: &[(&SourceFile, Body)],
    decls: &Decls<'_>,
) -> HashMap<String, Val> {
    let empty = Scope::new(dir, Decls::default());
    let mut values = HashMap::new();
    for (_, body) in files {
        for structure in body.iter() {
            if let Structure::Attribute(attr) = structure {
                let name = attr.key.as_str();
                if decls.variables.contains_key(name) {
                    values.insert(
                        name.to_string(),
                        empty.eval(&attr.value, &Bindings::default()),
                    );
                }
            }
        }
    }
    values
}

fn duplicate(file: &SourceFile, block: &Block, what: &str) -> LoadError {
    error_at(
        file,
        header_span(block),
        format!("{what} is declared more than once in this module"),
        "keep one declaration; Terraform rejects this, and soc2gate used the first",
    )
}

fn span_of(node: &impl hcl_edit::Span) -> Span {
    node.span().map(Span::from).unwrap_or_default()
}

fn error_at(file: &SourceFile, span: Span, message: String, help: &str) -> LoadError {
    LoadError {
        location: file.locate(span),
        message,
        help: Some(help.to_string()),
    }
}
