//! A scan's Terraform directories: parsed once, roots found through the static call
//! graph, the module directories they lead to outside the scan read (see `modules`),
//! each root evaluated with the modules it calls expanded.

use std::collections::{BTreeMap, HashSet};

use rayon::prelude::*;
use soc2gate_model::{LoadError, Loaded, Module, ModuleKind, SourceFile};

use crate::check;
use crate::config::{join_dir, module_sources, parse_tree, Config, Parsed, Tree};
use crate::eval::{Ctx, Scope};
use crate::functions::FileAccess;
use crate::modules::{is_local, resolve, ModuleDirs, Reader, Resolved, MANIFEST};
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
) -> (Vec<Loaded>, Vec<SourceFile>) {
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
        let tree = parse_tree(file, &mut errors);
        (dir, file, tree, errors)
    };
    let parsed: Vec<(&str, &SourceFile, Option<Tree>, Vec<LoadError>)> = if parallel {
        jobs.par_iter().map(parse).collect()
    } else {
        jobs.iter().map(parse).collect()
    };
    // The module sources each directory names, for the call graph.
    let mut sources: BTreeMap<String, Vec<String>> =
        dirs.keys().map(|d| (d.clone(), Vec::new())).collect();
    for (dir, _, tree, _) in &parsed {
        if let (Some(list), Some((_, body))) = (sources.get_mut(*dir), tree) {
            list.extend(module_sources(body));
        }
    }
    let roots = roots(&sources);

    // Module directories outside the scan that its directories lead to.
    let reader = Reader::new(&opts.base, opts.boundary.as_deref());
    let resolved = resolve(&reader, &sources, &roots, |file| {
        let mut errors = Vec::new();
        let tree = parse_tree(file, &mut errors);
        let calls = tree
            .as_ref()
            .map_or_else(Vec::new, |(_, b)| module_sources(b));
        ((tree, errors), calls)
    });
    let Resolved {
        dirs: module_dirs,
        read,
        errors: manifest_errors,
    } = resolved;
    // The files stay here, borrowed by the configs; their trees move into them.
    let mut read_files: Vec<(String, Vec<SourceFile>, Vec<LoadError>)> = Vec::new();
    let mut read_trees: Vec<Vec<(Option<Tree>, Vec<LoadError>)>> = Vec::new();
    for r in read {
        let (files, trees) = r.files.into_iter().unzip();
        read_files.push((r.dir, files, r.errors));
        read_trees.push(trees);
    }

    let loaded = {
        let mut by_dir: BTreeMap<&str, (Vec<Parsed<'_>>, Vec<LoadError>)> = dirs
            .keys()
            .map(|d| (d.as_str(), (Vec::new(), Vec::new())))
            .collect();
        for (dir, file, tree, errors) in parsed {
            let entry = by_dir.entry(dir).or_default();
            entry.0.extend(tree.map(|t| Parsed::new(file, t)));
            entry.1.extend(errors);
        }
        for ((dir, files, problems), trees) in read_files.iter().zip(read_trees) {
            let entry = by_dir.entry(dir.as_str()).or_default();
            entry.1.extend(problems.iter().cloned());
            for (file, (tree, errors)) in files.iter().zip(trees) {
                entry.0.extend(tree.map(|t| Parsed::new(file, t)));
                entry.1.extend(errors);
            }
        }
        let configs: BTreeMap<String, Config<'_>> = by_dir
            .iter()
            .map(|(dir, (files, errors))| {
                (dir.to_string(), Config::new(dir, files, errors.clone()))
            })
            .collect();
        let extra: Vec<&str> = read_files.iter().map(|(d, _, _)| d.as_str()).collect();
        // References to what a directory does not declare, found once per directory and
        // reported like its errors.
        let check = |(dir, (files, _)): (&&str, &(Vec<Parsed<'_>>, Vec<LoadError>))| {
            (
                dir.to_string(),
                check::undeclared(&configs[*dir], files, &configs),
            )
        };
        let warnings: BTreeMap<String, Vec<LoadError>> = if parallel {
            by_dir.par_iter().map(check).collect()
        } else {
            by_dir.iter().map(check).collect()
        };

        // A scanned directory's own problems are reported once: by the first root that
        // reaches it.
        let mut owner: BTreeMap<&str, &str> = BTreeMap::new();
        for root in &roots {
            for dir in reachable(&sources, root) {
                owner.entry(dir).or_insert(root);
            }
        }
        // `file()` and friends may read inside the module directories read too.
        let mut readable = opts.roots.clone();
        readable.extend(extra.iter().map(|d| d.to_string()));
        let files = FileAccess::new(&opts.base, &readable);
        let load = |root: &String| {
            let owned: Vec<&str> = owner
                .iter()
                .filter(|(_, r)| **r == root.as_str())
                .map(|(d, _)| *d)
                .collect();
            let source_files = dirs.get(root.as_str()).map_or(&[][..], |v| v.as_slice());
            let (mut loaded, used) = load_root(
                &configs,
                &module_dirs,
                root,
                source_files,
                &owned,
                &files,
                opts,
            );
            for dir in &owned {
                loaded.warnings.extend(warnings[*dir].iter().cloned());
            }
            (loaded, used)
        };
        let mut loaded: Vec<(Loaded, Vec<String>)> = if parallel {
            roots.par_iter().map(load).collect()
        } else {
            roots.iter().map(load).collect()
        };
        // A directory read from outside the scan reports its problems with the first
        // root that expanded it; the manifest's with its root.
        let mut reported: HashSet<&str> = HashSet::new();
        for (l, used) in &mut loaded {
            for dir in used.iter() {
                if extra.contains(&dir.as_str()) && reported.insert(dir.as_str()) {
                    l.errors
                        .extend(configs[dir.as_str()].errors.iter().cloned());
                    l.warnings.extend(warnings[dir.as_str()].iter().cloned());
                }
            }
        }
        for e in manifest_errors {
            let root = e
                .location
                .file
                .trim_end_matches(MANIFEST)
                .trim_end_matches('/');
            let root = if root.is_empty() { "." } else { root };
            match loaded.iter_mut().find(|(l, _)| l.module.path == root) {
                Some((l, _)) => l.errors.push(e),
                None => {
                    if let Some((l, _)) = loaded.first_mut() {
                        l.errors.push(e);
                    }
                }
            }
        }
        loaded.into_iter().map(|(l, _)| l).collect()
    };
    let read = read_files.into_iter().flat_map(|(_, f, _)| f).collect();
    (loaded, read)
}

fn load_root(
    configs: &BTreeMap<String, Config<'_>>,
    module_dirs: &ModuleDirs,
    root: &str,
    source_files: &[&SourceFile],
    owned: &[&str],
    files: &FileAccess,
    opts: &LoadOptions,
) -> (Loaded, Vec<String>) {
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

    let ctx = Ctx::new(configs, module_dirs, files);
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
    let loaded = Loaded {
        module,
        errors,
        warnings: Vec::new(),
        unexpanded: diags.unexpanded,
    };
    (loaded, diags.used)
}

/// The scanned directories that `dir` names through a local module source.
fn called<'c>(sources: &'c BTreeMap<String, Vec<String>>, dir: &str) -> Vec<&'c str> {
    let Some(list) = sources.get(dir) else {
        return Vec::new();
    };
    list.iter()
        .filter(|s| is_local(s))
        .filter_map(|s| {
            sources
                .get_key_value(&join_dir(dir, s))
                .map(|(k, _)| k.as_str())
        })
        .collect()
}

/// Directories nothing else calls, in order; then, for directories that only call each
/// other in a cycle, the first of each such group.
fn roots(configs: &BTreeMap<String, Vec<String>>) -> Vec<String> {
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
fn reachable<'c>(configs: &'c BTreeMap<String, Vec<String>>, dir: &str) -> Vec<&'c str> {
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
