//! Loads Terraform into soc2gate's resource graph the way Terraform evaluates it: `.tf`
//! and `.tf.json` files with spans, variables from defaults, tfvars and the command line,
//! locals, a library of functions, `count` and `for_each` instances, `dynamic` blocks,
//! local modules expanded with their callers' arguments, and
//! `data "aws_iam_policy_document"` rendered to its JSON. Terraform plans
//! (`terraform show -json`) load into the same shape. What cannot be known is listed as
//! unknown, never guessed.
//!
//! Addresses follow Terraform: `aws_s3_bucket.b`, `aws_s3_bucket.b[0]`,
//! `aws_s3_bucket.b["key"]`, `module.logs.aws_s3_bucket.this`,
//! `module.a["x"].module.b.aws_s3_bucket.c`. A resource whose number of instances is
//! unknown (`count` or `for_each` not known statically) keeps the plain address and
//! stands for all of them, its `count.index` and `each.*` unknown. References (`refs`)
//! are qualified with the module instance that declares them
//! (`module.logs.aws_s3_bucket.this`) and name one instance where the index is known
//! (`aws_s3_bucket.lake["raw"].id`, `aws_s3_bucket.lake[count.index].id`) or where an
//! instance derives from one instance of the resource it iterates (`for_each =
//! aws_s3_bucket.lake`), else the resource without instance key, which a policy joins
//! to every instance. An attribute whose value is unknown also carries the canonical
//! text of its expression (`expressions`), so that two attributes written alike join. A
//! null is unset: it is left out of `values`. A reference to something the module does
//! not declare is a warning. A resource used as a value has its instances' shape (an
//! object by key, a list by index) with unknown attributes.
//!
//! Module directories outside the scanned paths are read when [`LoadOptions::boundary`]
//! is set and they lie inside it: a local source (`../../modules/vpc`), and a remote
//! source (registry, git, HTTP) that `terraform init` or `terraform get` installed, as the
//! root module's `.terraform/modules/modules.json` records it (the call's key and source
//! must match the entry). Not expanded, and listed in `Loaded.unexpanded` with why and
//! what to do: remote sources not installed or installed from another source, and
//! directories outside the boundary or holding no Terraform files; their outputs are
//! unknown. Override files (`override.tf`) only add what is not declared elsewhere.

mod check;
mod config;
mod element_spans;
mod eval;
mod functions;
mod iam;
mod json;
mod load;
mod modules;
mod normalize;
mod parse;
mod plan;
mod tfjson;
mod types;
mod value;
mod vars;

use std::collections::BTreeMap;
use std::path::PathBuf;

use soc2gate_model::{LoadError, Loaded, Module, ModuleKind, SourceFile};

/// Options from the command line and the environment.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `--var-file` files in the order given (HCL, or JSON when the name ends in `.json`).
    pub var_files: Vec<SourceFile>,
    /// `--var NAME=VALUE` in the order given (Terraform's rules for parsing VALUE).
    pub vars: Vec<(String, String)>,
    /// `TF_VAR_<name>` environment variables, name without the prefix.
    pub env_vars: Vec<(String, String)>,
    /// Directory the display paths are relative to (the working directory), and the scan
    /// roots (display form) inside which `file`, `templatefile` and `fileexists` may read.
    pub base: PathBuf,
    pub roots: Vec<String>,
    /// The directory (relative to `base`, or absolute) inside which module directories
    /// that are not part of the scan are read: the local sources of scanned modules, and
    /// the remote modules `terraform init` installed (listed in a root module's
    /// `.terraform/modules/modules.json`). Nothing outside it is read. `None`: only the
    /// scanned directories are modules.
    pub boundary: Option<PathBuf>,
}

/// Parse only (for the parse-only benchmark and for error reporting).
pub fn parse(file: &SourceFile) -> Result<hcl_edit::structure::Body, LoadError> {
    parse::parse_strict(file)
}

/// Loads one Terraform directory as a root module with default options: its `.tf` and
/// `.tf.json` files, and the variable files Terraform reads by itself
/// (`terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars`, `*.auto.tfvars.json`).
/// `dir` is relative to the working directory with forward slashes (`.` for the
/// working directory). Other files are ignored. A module it calls from another directory
/// is not expanded (its outputs are unknown, and `Loaded.unexpanded` lists it); use
/// [`load_modules`] for a scan of several directories.
pub fn load_module(dir: &str, files: &[&SourceFile]) -> Loaded {
    let mut dirs = BTreeMap::new();
    dirs.insert(dir.to_string(), files.to_vec());
    load_modules(&dirs, &LoadOptions::default())
        .into_iter()
        .next()
        .unwrap_or_else(|| Loaded::new(Module::new(dir, ModuleKind::Terraform)))
}

/// Loads every Terraform directory of a scan (display dir -> its .tf/.tf.json/.tfvars/
/// .tfvars.json files). A directory that another directory of the scan calls through a
/// local module `source` is expanded inside each caller (with the caller's inputs) and
/// not returned on its own; every other directory is a root and yields one `Loaded`, in
/// dir order. Directories that only call each other in a cycle are roots too, so that
/// the cycle is reported. Roots are loaded in parallel.
///
/// A file that fails to parse is an error of the first root that uses its directory; the
/// other files still load. Variables of roots get their values as described in
/// [`LoadOptions`] and Terraform's precedence (see the `vars` module): defaults, then
/// `TF_VAR_` variables, `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)`
/// in lexical order, `--var-file`s, `--var`s.
pub fn load_modules(dirs: &BTreeMap<String, Vec<&SourceFile>>, opts: &LoadOptions) -> Vec<Loaded> {
    load::load_modules(dirs, opts).0
}

/// [`load_modules`], and also the files it read from module directories outside the scan
/// (see [`LoadOptions::boundary`]), which findings and reports may point into.
pub fn load_modules_reading(
    dirs: &BTreeMap<String, Vec<&SourceFile>>,
    opts: &LoadOptions,
) -> (Vec<Loaded>, Vec<SourceFile>) {
    load::load_modules(dirs, opts)
}

/// Loads a Terraform plan (`terraform show -json`), pointing findings into the `.tf` files
/// of `config` (the directory beside the plan, same map shape) when they are given.
pub fn load_plan(
    plan: &SourceFile,
    config: &BTreeMap<String, Vec<&SourceFile>>,
    opts: &LoadOptions,
) -> Loaded {
    plan::load_plan(plan, config, opts)
}

/// True when a JSON text looks like a plan (has `format_version` and `planned_values` or
/// `resource_changes`).
pub fn is_plan_json(text: &str) -> bool {
    plan::is_plan_json(text)
}

/// How often each function the library lacks was called since the last call of this
/// function (process-wide), most frequent first. For coverage measurements; calls of
/// functions whose result is unknowable by nature (`timestamp`, `uuid`) are not counted.
pub fn take_missing_function_counts() -> Vec<(String, usize)> {
    functions::take_missing()
}
