//! `soc2gate evidence`: the scan of `soc2gate scan`, plus an evidence bundle an auditor can
//! read (evidence.json, evidence.md, evidence.html, manifest.json); and `soc2gate evidence
//! diff`, what changed between two bundles.

mod build;
pub mod git;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use soc2gate_evidence::{diff, render, sha256, Bundle, Run, RunConfig, SCHEMA_VERSION};
use soc2gate_policy::PolicySource;

pub use build::{bundle, Inputs};

use crate::date::Date;

/// Fixes the bundle's `generated_at` (seconds since 1970, UTC), for reproducible bundles.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// `generated_at`: `SOURCE_DATE_EPOCH` when set, else now; RFC 3339 in UTC.
pub fn generated_at() -> Result<String, String> {
    let secs = match std::env::var(SOURCE_DATE_EPOCH) {
        Ok(v) => v.trim().parse::<i64>().map_err(|_| {
            format!("{SOURCE_DATE_EPOCH}=`{v}` is not a number of seconds since 1970-01-01")
        })?,
        Err(_) => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_err(|e| format!("the system clock is before 1970: {e}"))?
            .as_secs() as i64,
    };
    let day = Date::from_unix_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    Ok(format!(
        "{day}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s % 3600 / 60,
        s % 60
    ))
}

/// The digest of a policy set: every policy's path and text, in the order loaded, and
/// the parameter overrides.
pub fn policy_digest(
    sources: &[PolicySource],
    params: &BTreeMap<String, serde_json::Value>,
) -> String {
    let mut bytes = Vec::new();
    for s in sources {
        bytes.extend_from_slice(s.path.as_bytes());
        bytes.push(0);
        bytes.extend_from_slice(s.text.as_bytes());
        bytes.push(0);
    }
    bytes.extend_from_slice(
        serde_json::to_string(params)
            .expect("parameters serialize")
            .as_bytes(),
    );
    sha256(&bytes)
}

/// The digest of the effective configuration: its canonical JSON.
pub fn config_digest(config: &RunConfig) -> String {
    sha256(
        serde_json::to_string(config)
            .expect("a configuration serializes")
            .as_bytes(),
    )
}

/// `pass`, `fail` or `error`, as the exit code says.
pub fn result_of(code: u8) -> &'static str {
    match code {
        0 => "pass",
        1 => "fail",
        _ => "error",
    }
}

/// Writes the bundle's four files into `dir` (created when missing).
pub fn write(dir: &Path, bundle: &Bundle) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, text) in render(bundle) {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(())
}

/// Reads an evidence.json, checking its format version.
fn read(path: &Path) -> Result<Bundle, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        format!(
            "{}:{}:{}: not JSON: {e}",
            path.display(),
            e.line(),
            e.column()
        )
    })?;
    match value.get("schema_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "{}: evidence schema version {v}; this soc2gate reads version {SCHEMA_VERSION}",
                path.display()
            ))
        }
        None => {
            return Err(format!(
                "{}: not an evidence.json of soc2gate (no schema_version); pass the evidence.json of a bundle",
                path.display()
            ))
        }
    }
    serde_json::from_value(value)
        .map_err(|e| format!("{}: not a valid evidence.json: {e}", path.display()))
}

/// `soc2gate evidence diff OLD NEW`: prints what changed; exit 0, or 2 when a file cannot
/// be read.
pub fn cmd_diff(old: &Path, new: &Path, json: bool) -> u8 {
    let (old, new) = match (read(old), read(new)) {
        (Ok(o), Ok(n)) => (o, n),
        (o, n) => {
            for e in [o.err(), n.err()].into_iter().flatten() {
                eprintln!("error: {e}");
            }
            return crate::EXIT_ERROR;
        }
    };
    let d = diff(&old, &new);
    let out = if json {
        serde_json::to_string_pretty(&d).expect("a diff serializes") + "\n"
    } else {
        d.text()
    };
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    crate::EXIT_OK
}

/// The run record of a bundle.
pub fn run_record(
    paths: &[String],
    policy_digest: String,
    config: RunConfig,
    git: Option<soc2gate_evidence::Git>,
    counts: [usize; 4],
    exit_code: u8,
) -> Run {
    Run {
        paths: paths.to_vec(),
        policy_digest,
        config_digest: config_digest(&config),
        config,
        git,
        files: counts[0],
        units: counts[1],
        resources: counts[2],
        rules: counts[3],
        exit_code,
        result: result_of(exit_code).into(),
    }
}
