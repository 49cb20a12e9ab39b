//! Helpers shared by the CLI test files.

#![allow(dead_code)] // each test binary uses part of this module

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The binary, run from the workspace root, with a fixed "today" for expiry dates.
pub fn soc2gate() -> Command {
    let mut cmd = Command::cargo_bin("soc2gate").unwrap();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .env("SOC2GATE_TODAY", "2026-06-01");
    cmd
}

/// The binary, run in `dir`.
pub fn soc2gate_in(dir: &Path) -> Command {
    let mut cmd = soc2gate();
    cmd.current_dir(dir);
    cmd
}

pub fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p
}

/// Runs a command and returns (exit code, stdout, stderr).
pub fn run(cmd: &mut Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `scan --format json` in `dir` with extra arguments: (exit code, the report).
pub fn scan_json(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let (code, out, err) = run(soc2gate_in(dir)
        .args(["scan", "--format", "json"])
        .args(args));
    let json = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{out}\nstderr:\n{err}"));
    (code, json)
}

/// The findings of a JSON report as (rule, file, line, resource, suppressed).
pub fn findings(report: &serde_json::Value) -> Vec<(String, String, u64, String, bool)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["resource"].as_str().unwrap().to_string(),
                !f["suppression"].is_null(),
            )
        })
        .collect()
}

/// An unencrypted bucket without a TLS-only policy: two high findings on its first line.
/// It is versioned, logged and blocked from public access, so no other rule fires on it.
pub fn bucket(name: &str) -> String {
    format!(
        "resource \"aws_s3_bucket\" \"{name}\" {{\n  bucket = \"acme-{name}\"\n}}\n{}",
        bucket_companions(&format!("\"acme-{name}\""), name)
    )
}

/// The versioning, logging and public access block of the bucket `bucket_expr` (a quoted
/// name or a reference), named `name`: what the other S3 rules ask of every bucket.
pub fn bucket_companions(bucket_expr: &str, name: &str) -> String {
    format!(
        r#"resource "aws_s3_bucket_versioning" "{name}" {{
  bucket = {bucket_expr}
  versioning_configuration {{
    status = "Enabled"
  }}
}}
resource "aws_s3_bucket_logging" "{name}" {{
  bucket        = {bucket_expr}
  target_bucket = "acme-access-logs"
  target_prefix = "{name}/"
}}
resource "aws_s3_bucket_public_access_block" "{name}" {{
  bucket                  = {bucket_expr}
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
"#
    )
}

/// Both rules that fire on [`bucket`].
pub const BUCKET_RULES: &str = "aws-s3-encryption-at-rest,aws-s3-tls-only";

/// Runs git in `dir` as a test user, whatever the environment says; fails the test when
/// git does.
pub fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "user.name=soc2gate test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
