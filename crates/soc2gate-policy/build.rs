//! Embeds every `.rego` file under the repository's `policies/` folder into the binary,
//! so adding a rule is adding files: no Rust to edit, no list to keep. The rule fixtures
//! under `testdata/rules/` are embedded too: a rule's documentation shows a failing and a
//! passing fixture, and `soc2gate explain` must show them from an installed binary.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// Files under `dir` whose name ends with one of `suffixes`, recursively.
fn collect(dir: &Path, suffixes: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, suffixes, out);
        } else if suffixes.iter().any(|s| path.to_string_lossy().ends_with(s)) {
            out.push(path);
        }
    }
}

/// A `static NAME: &[(&str, &str)]` of `(path relative to root, contents)`, in path order.
fn table(name: &str, doc: &str, root: &Path, dir: &Path, suffixes: &[&str]) -> String {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(dir, suffixes, &mut files);
    files.sort();
    let mut code = format!("/// {doc}\npub static {name}: &[(&str, &str)] = &[\n");
    for file in &files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let abs = fs::canonicalize(file).unwrap();
        writeln!(code, "    ({rel:?}, include_str!({:?})),", abs.display()).unwrap();
    }
    code.push_str("];\n");
    code
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..");
    let mut code = table(
        "BUILTIN_FILES",
        "`(path relative to the repository root, contents)` of every built-in `.rego` file.",
        &root,
        &root.join("policies"),
        &[".rego"],
    );
    code += &table(
        "BUILTIN_FIXTURES",
        "`(path relative to the repository root, contents)` of every rule fixture that can be shown as an example.",
        &root,
        &root.join("testdata/rules"),
        &[".tf", ".yml", ".yaml"],
    );
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("builtin_policies.rs");
    fs::write(out, code).unwrap();
}
