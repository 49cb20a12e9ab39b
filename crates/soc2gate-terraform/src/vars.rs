//! Values of a root module's variables, in Terraform's order of precedence (later wins):
//!
//! 1. `default` in the `variable` block (applied by the evaluator when nothing is given);
//! 2. `TF_VAR_<name>` environment variables;
//! 3. `terraform.tfvars`, then `terraform.tfvars.json`;
//! 4. `*.auto.tfvars` and `*.auto.tfvars.json`, in lexical order of their file names;
//! 5. `--var-file` files, then `--var` values, each in the order given.
//!
//! Terraform applies `-var` and `-var-file` in one command-line order; the options keep
//! them apart, so files come first. A `--var` or `TF_VAR_` value is the raw string for a
//! variable of a primitive type (or none) and an HCL expression otherwise. Values for
//! variables a module does not declare are ignored, as Terraform only warns about them.
//! Modules called by another module get their caller's arguments instead: tfvars and the
//! command line apply to roots only.

use std::collections::HashMap;

use hcl_edit::structure::Structure;
use soc2gate_model::{LoadError, SourceFile, Span};

use crate::config::Config;
use crate::eval::{self, Bindings, Input};
use crate::json;
use crate::parse;
use crate::types::{convert, Type};
use crate::value::Val;
use crate::LoadOptions;

/// The variable files Terraform reads by itself from a root directory, in the order it
/// applies them.
pub(crate) fn auto_files<'f>(files: &[&'f SourceFile]) -> Vec<&'f SourceFile> {
    let mut auto: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| {
            let n = file_name(f);
            n == "terraform.tfvars"
                || n == "terraform.tfvars.json"
                || n.ends_with(".auto.tfvars")
                || n.ends_with(".auto.tfvars.json")
        })
        .collect();
    auto.sort_by_key(|f| {
        let n = file_name(f);
        let rank = match n {
            "terraform.tfvars" => 0,
            "terraform.tfvars.json" => 1,
            _ => 2,
        };
        (rank, n.to_string())
    });
    auto
}

pub(crate) fn file_name(f: &SourceFile) -> &str {
    f.path.rsplit('/').next().unwrap_or("")
}

/// The values given to a root's variables, the variable files read, and their errors.
pub(crate) struct RootValues {
    pub inputs: HashMap<String, Input>,
    pub files: Vec<String>,
    pub errors: Vec<LoadError>,
    /// Values of the wrong type for their variable.
    pub warnings: Vec<LoadError>,
}

pub(crate) fn root_values(
    config: &Config<'_>,
    auto: &[&SourceFile],
    opts: &LoadOptions,
) -> RootValues {
    let mut values: HashMap<String, Val> = HashMap::new();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for (name, raw) in &opts.env_vars {
        if let Some(decl) = config.variables.get(name) {
            values.insert(name.clone(), raw_value(raw, &decl.ty));
        }
    }
    for file in auto.iter().copied().chain(opts.var_files.iter()) {
        files.push(file.path.clone());
        if opts.encrypted.contains(&file.path) {
            for name in config.variables.keys() {
                values.insert(name.clone(), Val::Unknown);
            }
            continue;
        }
        for (name, value, span) in read_file(file, &mut errors) {
            if let Some(decl) = config.variables.get(&name) {
                if has_error(&convert(value.clone(), &decl.ty)) {
                    warnings.push(LoadError {
                        location: file.locate(span),
                        message: format!(
                            "this value of var.{name} does not have the type its variable declares"
                        ),
                        help: Some(
                            "Terraform rejects it; fix the value or the variable's type. \
                             soc2gate treated the wrong parts as unknown"
                                .to_string(),
                        ),
                    });
                }
                values.insert(name, value);
            }
        }
    }
    for (name, raw) in &opts.vars {
        if let Some(decl) = config.variables.get(name) {
            values.insert(name.clone(), raw_value(raw, &decl.ty));
        }
    }
    let inputs = values
        .into_iter()
        .map(|(k, value)| {
            (
                k,
                Input {
                    value,
                    refs: Vec::new(),
                },
            )
        })
        .collect();
    RootValues {
        inputs,
        files,
        errors,
        warnings,
    }
}

/// True when a converted value holds a part Terraform would reject.
fn has_error(v: &Val) -> bool {
    match v {
        Val::Error => true,
        Val::List(items) => items.iter().any(has_error),
        Val::Object(fields) => fields.values().any(has_error),
        _ => false,
    }
}

/// A `--var` or `TF_VAR_` value.
fn raw_value(raw: &str, ty: &Type) -> Val {
    if ty.takes_raw_string() {
        return Val::String(raw.to_string());
    }
    match hcl_edit::parser::parse_expr(raw) {
        Ok(expr) => eval::constant(&expr),
        Err(_) => Val::Unknown,
    }
}

/// The assignments of one variable file (HCL, or JSON when the name ends in `.json`),
/// each with where it is written.
fn read_file(file: &SourceFile, errors: &mut Vec<LoadError>) -> Vec<(String, Val, Span)> {
    if file.path.ends_with(".json") {
        return match json::parse(&file.text) {
            Ok(v) => v
                .members()
                .iter()
                .map(|m| (m.key.clone(), m.value.to_val(), m.span()))
                .collect(),
            Err(e) => {
                errors.push(LoadError {
                    location: file.locate(soc2gate_model::Span::new(e.offset, e.offset)),
                    message: format!("JSON syntax error: {}", e.message),
                    help: Some(
                        "fix the syntax error; soc2gate ignored this file's values".to_string(),
                    ),
                });
                Vec::new()
            }
        };
    }
    match parse::parse_recovering(file) {
        Ok(p) => {
            errors.extend(p.errors);
            eval::with_constant_scope(|scope| {
                p.body
                    .iter()
                    .filter_map(|s| match s {
                        Structure::Attribute(attr) => Some((
                            attr.key.as_str().to_string(),
                            scope.eval(&attr.value, &Bindings::default()),
                            hcl_edit::Span::span(attr)
                                .map(Span::from)
                                .unwrap_or_default(),
                        )),
                        Structure::Block(_) => None,
                    })
                    .collect()
            })
        }
        Err(e) => {
            errors.push(e);
            Vec::new()
        }
    }
}
