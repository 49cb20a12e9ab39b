//! Loads real Terraform from a directory given in `SOC2GATE_TF_DIR` (each subdirectory is
//! one scan, e.g. one checked-out repository) and prints what the loader made of it:
//! files, units, resources, unknown values, errors, and the functions it lacked. It fails
//! on a panic or on a parse error in a file. Not run by default:
//!
//! `SOC2GATE_TF_DIR=/path/to/repos cargo test -p soc2gate-terraform --release --test real_world -- --ignored --nocapture`
//!
//! With `SOC2GATE_TF_DUMP=text`, resources whose address or file contains `text` are
//! printed too.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use soc2gate_model::SourceFile;
use soc2gate_terraform::{load_modules, take_missing_function_counts, LoadOptions};

fn is_terraform(name: &str) -> bool {
    [".tf", ".tf.json", ".tfvars", ".tfvars.json"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn walk(dir: &Path, root: &Path, out: &mut Vec<SourceFile>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if p.is_dir() {
            if name != ".terraform" && name != ".git" {
                walk(&p, root, out);
            }
        } else if is_terraform(&name) {
            if let Ok(text) = fs::read_to_string(&p) {
                let display = p
                    .strip_prefix(root)
                    .unwrap_or(&p)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push(SourceFile::new(display, text));
            }
        }
    }
}

#[test]
#[ignore]
fn load_real_terraform() {
    let Some(dir) = std::env::var_os("SOC2GATE_TF_DIR") else {
        eprintln!("set SOC2GATE_TF_DIR to a directory of checked-out repositories");
        return;
    };
    let base = PathBuf::from(dir);
    let mut repos: Vec<PathBuf> = fs::read_dir(&base)
        .expect("SOC2GATE_TF_DIR")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    repos.sort();
    let (mut files_total, mut dirs_total, mut units_total, mut resources_total) = (0, 0, 0, 0);
    let (mut unknown_total, mut values_total) = (0, 0);
    let mut parse_errors = Vec::new();
    let mut other_errors = Vec::new();
    let mut warnings = 0;
    let mut elapsed = 0.0;
    let _ = take_missing_function_counts();
    for repo in &repos {
        let name = repo.file_name().unwrap().to_string_lossy().to_string();
        let mut files = Vec::new();
        walk(repo, &base, &mut files);
        let mut dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
        for f in &files {
            let d = f.path.rsplit_once('/').map_or(".", |(d, _)| d);
            dirs.entry(d.to_string()).or_default().push(f);
        }
        let opts = LoadOptions {
            base: base.clone(),
            roots: vec![name.clone()],
            ..LoadOptions::default()
        };
        let start = Instant::now();
        let loaded = load_modules(&dirs, &opts);
        let took = start.elapsed().as_secs_f64();
        elapsed += took;
        let resources: usize = loaded.iter().map(|l| l.module.resources.len()).sum();
        let unknown: usize = loaded
            .iter()
            .flat_map(|l| &l.module.resources)
            .map(|r| r.unknown.len())
            .sum();
        let values: usize = loaded
            .iter()
            .flat_map(|l| &l.module.resources)
            .map(|r| r.values.len())
            .sum();
        println!(
            "{name}: {} files, {} dirs, {} units, {resources} resources, {unknown} unknown paths, {values} known top-level values, {:.1} ms",
            files.len(),
            dirs.len(),
            loaded.len(),
            took * 1e3
        );
        files_total += files.len();
        dirs_total += dirs.len();
        units_total += loaded.len();
        resources_total += resources;
        unknown_total += unknown;
        values_total += values;
        if let Some(pattern) = std::env::var_os("SOC2GATE_TF_DUMP") {
            let pattern = pattern.to_string_lossy().to_string();
            for r in loaded.iter().flat_map(|l| &l.module.resources) {
                if r.address.contains(&pattern) || r.file.contains(&pattern) {
                    println!("{}", serde_json::to_string(r).unwrap_or_default());
                }
            }
            for u in loaded.iter().flat_map(|l| &l.unexpanded) {
                if u.location.file.contains(&pattern) {
                    println!("not expanded: {}: {}", u.location.file, u.message());
                }
            }
        }
        for l in &loaded {
            warnings += l.warnings.len() + l.unexpanded.len();
            for e in &l.errors {
                let line = format!(
                    "{}:{}:{}: {}",
                    e.location.file, e.location.start.line, e.location.start.column, e.message
                );
                if e.message.contains("syntax error") || e.message.contains("could not read") {
                    parse_errors.push(line);
                } else {
                    other_errors.push(line);
                }
            }
        }
    }
    println!(
        "TOTAL: {files_total} files, {dirs_total} directories, {units_total} root units, {resources_total} resources, {unknown_total} unknown paths, {values_total} known top-level values, {warnings} warnings, {:.1} ms",
        elapsed * 1e3
    );
    println!("missing functions:");
    for (name, n) in take_missing_function_counts().iter().take(20) {
        println!("  {name}: {n}");
    }
    println!("other errors ({}):", other_errors.len());
    for e in other_errors.iter().take(40) {
        println!("  {e}");
    }
    println!("parse errors ({}):", parse_errors.len());
    for e in &parse_errors {
        println!("  {e}");
    }
    assert!(parse_errors.is_empty());
}
