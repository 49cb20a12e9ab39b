//! The SOC 2 evidence bundle of a scan: for each Trust Services Criterion, the rules that
//! serve it and, for each rule, every resource it evaluated with its verdict; the scope
//! limitations; the exceptions register. Plain data (this crate does no I/O): the
//! `soc2gate evidence` command fills a [`Bundle`] and writes what [`render`] returns.
//!
//! `evidence.json` follows `schema/evidence.schema.json` ([`SCHEMA`]); its
//! `schema_version` changes when a field changes meaning or goes away.

mod diff;
mod html;
mod markdown;
mod model;

pub use diff::{diff, Change, ChangeKind, Diff};
pub use model::*;

use sha2::{Digest, Sha256};

/// The version of the `evidence.json` format this crate writes and reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The JSON Schema (draft 2020-12) of `evidence.json`.
pub const SCHEMA: &str = include_str!("../schema/evidence.schema.json");

/// The files of a bundle, in the order they are written; `manifest.json` comes last and
/// lists the others.
pub const FILES: [&str; 4] = [
    "evidence.json",
    "evidence.md",
    "evidence.html",
    "manifest.json",
];

/// `sha256:<hex>` of `bytes`: how digests appear in a bundle.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// The bundle's files, `(name, contents)`, in [`FILES`] order. The same bundle always
/// renders to the same bytes: nothing here reads a clock or the environment.
pub fn render(bundle: &Bundle) -> Vec<(&'static str, String)> {
    let json = serde_json::to_string_pretty(bundle).expect("a bundle serializes") + "\n";
    let files = vec![
        (FILES[0], json),
        (FILES[1], markdown::render(bundle)),
        (FILES[2], html::render(bundle)),
    ];
    let manifest = manifest(bundle, &files);
    let mut all = files;
    all.push((FILES[3], manifest));
    all
}

/// `manifest.json`: the digest and size of every other file, so that any later change to
/// the bundle shows.
fn manifest(bundle: &Bundle, files: &[(&str, String)]) -> String {
    let entries: Vec<serde_json::Value> = files
        .iter()
        .map(|(name, text)| {
            serde_json::json!({
                "file": name,
                "sha256": sha256(text.as_bytes()),
                "bytes": text.len(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "schema_version": SCHEMA_VERSION,
        "generated_at": bundle.generated_at,
        "tool": bundle.tool,
        "files": entries,
    });
    serde_json::to_string_pretty(&doc).expect("a manifest serializes") + "\n"
}
