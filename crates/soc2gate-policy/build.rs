//! Embeds every `.rego` file under the repository's `policies/` folder into the binary,
//! so adding a rule is adding files: no Rust to edit, no list to keep.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rego") {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest.join("../..");
    let policies = root.join("policies");
    println!("cargo:rerun-if-changed={}", policies.display());

    let mut files = Vec::new();
    collect(&policies, &mut files);
    files.sort();

    let mut code = String::from("/// `(path relative to the repository root, contents)` of every built-in `.rego` file.\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for file in &files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let abs = fs::canonicalize(file).unwrap();
        writeln!(code, "    ({rel:?}, include_str!({:?})),", abs.display()).unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap()).join("builtin_policies.rs");
    fs::write(out, code).unwrap();
}
