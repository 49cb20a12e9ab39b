//! A scan's Terraform directories: parsed once, roots found through the static call
//! graph, each root evaluated with the modules it calls expanded.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;
use soc2gate_model::{LoadError, Loaded, Module, ModuleKind, SourceFile};

use crate::config::{parse_file, Config, Parsed};
use crate::eval::{Ctx, Scope};
use crate::functions::FileAccess;
use crate::vars::{self, file_name};
use crate::LoadOptions;

/// The `.tf` and `.tf.json` files of a directory, in the lexical order Terraform reads
/// them.
fn config_files<'f>(files: &[&'f SourceFile]) -> Vec<&'f SourceFile> {
    let mut tf: Vec<&SourceFile> = files
        .iter()
        .copied()
        .filter(|f| {
            let n = file_name(f);
            n.ends_with(".tf") || n.ends_with(".tf.json")
        })
        .collect();
    tf.sort_by(|a, b| file_name(a).cmp(file_name(b)));
    tf
}

pub(crate) fn load_modules<'f>(
    dirs: &'f BTreeMap<String, Vec<&'f SourceFile>>,
    opts: &LoadOptions,
) -> Vec<Loaded> {
    // Parse every file of every directory.
    let jobs: Vec<(&str, &SourceFile)> = dirs
        .iter()
        .flat_map(|(dir, files)| {
            config_files(files)
                .into_iter()
                .map(move |f| (dir.as_str(), f))
        })
        .collect();
    // One directory is loaded on the calling thread: handing it to the pool costs more
    // than it saves (the caller usually loads many directories in parallel itself).
    let parallel = dirs.len() > 1;
    let parse = |&(dir, file): &(&'f str, &'f SourceFile)| {
        let mut errors = Vec::new();
        let p = parse_file(file, &mut errors);
        (dir, p, errors)
    };
    let parsed: Vec<(&str, Option<Parsed<'_>>, Vec<LoadError>)> = if parallel {
        jobs.par_iter().map(parse).collect()
    } else {
        jobs.iter().map(parse).collect()
    };
    let mut by_dir: BTreeMap<&str, (Vec<Parsed<'_>>, Vec<LoadError>)> = dirs
        .keys()
        .map(|d| (d.as_str(), (Vec::new(), Vec::new())))
        .collect();
    for (dir, p, errors) in parsed {
        let entry = by_dir.entry(dir).or_default();
        entry.0.extend(p);
        entry.1.extend(errors);
    }
    let configs: BTreeMap<String, Config<'_>> = by_dir
        .iter()
        .map(|(dir, (files, errors))| (dir.to_string(), Config::new(dir, files, errors.clone())))
        .collect();

    let roots = roots(&configs);
    // A directory's own problems are reported once: by the first root that reaches it.
    let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
    for root in &roots {
        for dir in reachable(&configs, root) {
            owner.entry(dir).or_insert(root);
        }
    }
    let files = FileAccess::new(&opts.base, &opts.roots);
    let load = |root: &String| {
        let owned: Vec<&str> = owner
            .iter()
            .filter(|(_, r)| **r == root.as_str())
            .map(|(d, _)| *d)
            .collect();
        let source_files = dirs.get(root.as_str()).map_or(&[][..], |v| v.as_slice());
        load_root(&configs, root, source_files, &owned, &files, opts)
    };
    if parallel {
        roots.par_iter().map(load).collect()
    } else {
        roots.iter().map(load).collect()
    }
}

fn load_root(
    configs: &BTreeMap<String, Config<'_>>,
    root: &str,
    source_files: &[&SourceFile],
    owned: &[&str],
    files: &FileAccess,
    opts: &LoadOptions,
) -> Loaded {
    let config = &configs[root];
    let mut module = Module::new(root, ModuleKind::Terraform);
    let mut errors: Vec<LoadError> = Vec::new();
    errors.extend(config.errors.iter().cloned());
    for dir in owned.iter().filter(|d| **d != root) {
        errors.extend(configs[*dir].errors.iter().cloned());
    }
    let auto = vars::auto_files(source_files);
    let values = vars::root_values(config, &auto, opts);
    errors.extend(values.errors);
    let mut warnings = values.warnings;

    let ctx = Ctx::new(configs, files);
    let resources = {
        let scope = Scope::new_root(&ctx, config, values.inputs);
        scope.run()
    };
    let diags = ctx.diags.into_inner();
    module.files = config.files.clone();
    module.files.extend(values.files);
    for dir in &diags.used {
        for f in &configs[dir].files {
            if !module.files.contains(f) {
                module.files.push(f.clone());
            }
        }
    }
    for (resource, spans) in resources {
        module.source_map.insert(resource.address.clone(), spans);
        module.resources.push(resource);
    }
    errors.extend(diags.errors);
    warnings.extend(diags.warnings);
    Loaded {
        module,
        errors,
        warnings,
        unexpanded: diags.unexpanded,
    }
}

/// Directories of the scan that a local module source of another directory names.
fn called<'c>(configs: &'c BTreeMap<String, Config<'_>>, dir: &str) -> Vec<&'c str> {
    let Some(config) = configs.get(dir) else {
        return Vec::new();
    };
    config
        .calls
        .iter()
        .filter_map(|c| c.local_dir(dir))
        .filter_map(|d| configs.get_key_value(&d).map(|(k, _)| k.as_str()))
        .collect()
}

/// Directories nothing else calls, in order; then, for directories that only call each
/// other in a cycle, the first of each such group.
fn roots(configs: &BTreeMap<String, Config<'_>>) -> Vec<String> {
    let mut is_called: HashSet<&str> = HashSet::new();
    for dir in configs.keys() {
        for target in called(configs, dir) {
            if target != dir {
                is_called.insert(target);
            }
        }
    }
    let mut roots: Vec<String> = configs
        .keys()
        .filter(|d| !is_called.contains(d.as_str()))
        .cloned()
        .collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for r in &roots {
        seen.extend(reachable(configs, r));
    }
    for dir in configs.keys() {
        if !seen.contains(dir.as_str()) {
            seen.extend(reachable(configs, dir));
            roots.push(dir.clone());
        }
    }
    roots.sort();
    roots
}

/// `dir` and every directory it calls, directly or not.
fn reachable<'c>(configs: &'c BTreeMap<String, Config<'_>>, dir: &str) -> Vec<&'c str> {
    let mut out: Vec<&str> = Vec::new();
    let Some((start, _)) = configs.get_key_value(dir) else {
        return out;
    };
    let mut stack = vec![start.as_str()];
    while let Some(d) = stack.pop() {
        if out.contains(&d) {
            continue;
        }
        out.push(d);
        stack.extend(called(configs, d));
    }
    out
}
