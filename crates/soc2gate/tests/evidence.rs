//! `soc2gate evidence`: the bundle of the same scan as `scan`, valid against its schema,
//! reproducible, with verdicts that follow the findings, the exceptions and what the
//! rules could not judge; and `evidence diff`.

mod common;

use std::path::Path;

use common::{git, run, soc2gate, soc2gate_in, write};
use soc2gate_evidence::SCHEMA;

const FILES: [&str; 4] = [
    "evidence.json",
    "evidence.md",
    "evidence.html",
    "manifest.json",
];

fn read_json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn assert_valid(bundle: &serde_json::Value) {
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(bundle)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "evidence.json breaks its schema:\n{}",
        errors.join("\n")
    );
}

/// The members of `rule` in every criterion, as (resource, verdict).
fn members(bundle: &serde_json::Value, rule: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in bundle["criteria"].as_array().unwrap() {
        for r in c["rules"].as_array().unwrap() {
            if r["id"] == rule {
                for m in r["population"].as_array().unwrap() {
                    let pair = (
                        m["resource"].as_str().unwrap().to_string(),
                        m["verdict"].as_str().unwrap().to_string(),
                    );
                    if !out.contains(&pair) {
                        out.push(pair);
                    }
                }
            }
        }
    }
    out
}

#[test]
fn evidence_exits_like_scan_and_writes_a_valid_bundle() {
    let (scan_code, _, _) = run(soc2gate().args(["scan", "testdata/example"]));
    let out = tempfile::tempdir().unwrap();
    let (code, stdout, stderr) = run(soc2gate()
        .args(["evidence", "testdata/example", "--out"])
        .arg(out.path()));
    assert_eq!(code, scan_code, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert_eq!(code, 1, "the example has findings");
    assert!(
        stdout.contains("aws-s3-encryption-at-rest"),
        "the scan's report is printed too:\n{stdout}"
    );
    for f in FILES {
        assert!(out.path().join(f).is_file(), "{f} missing");
    }
    let bundle = read_json(&out.path().join("evidence.json"));
    assert_valid(&bundle);
    assert_eq!(bundle["run"]["exit_code"], 1);
    assert_eq!(bundle["run"]["result"], "fail");
    // A criterion with a failing resource is not effective; the rule lists every bucket.
    let c61 = bundle["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "CC6.1")
        .expect("CC6.1 is tested");
    assert_eq!(c61["status"], "not effective");
    let encryption = members(&bundle, "aws-s3-encryption-at-rest");
    assert!(
        encryption.iter().any(|(_, v)| v == "fail"),
        "{encryption:?}"
    );
    assert!(
        encryption.iter().any(|(_, v)| v == "pass"),
        "{encryption:?}"
    );
    // The manifest holds the digest of each other file.
    let manifest = read_json(&out.path().join("manifest.json"));
    for entry in manifest["files"].as_array().unwrap() {
        let name = entry["file"].as_str().unwrap();
        let bytes = std::fs::read(out.path().join(name)).unwrap();
        assert_eq!(entry["sha256"], soc2gate_evidence::sha256(&bytes), "{name}");
    }
}

#[test]
fn the_same_inputs_give_byte_identical_bundles_with_source_date_epoch() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    for dir in [a.path(), b.path()] {
        let (code, _, err) = run(soc2gate()
            .env("SOURCE_DATE_EPOCH", "1765152000")
            .args(["evidence", "testdata/example", "--format", "json", "--out"])
            .arg(dir));
        assert_eq!(code, 1, "{err}");
    }
    for f in FILES {
        let (x, y) = (
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
        );
        assert!(x == y, "{f} differs between two runs");
    }
    let bundle = read_json(&a.path().join("evidence.json"));
    assert_eq!(bundle["generated_at"], "2025-12-08T00:00:00Z");
    let (code, _, err) = run(soc2gate()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["evidence", "testdata/example", "--out"])
        .arg(a.path()));
    assert_eq!(code, 2);
    assert!(
        err.contains("SOURCE_DATE_EPOCH=`yesterday` is not a number"),
        "{err}"
    );
}

/// A repository with an inline exception, a soc2gate.toml exception, an unknown value and
/// a clean resource.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "infra/main.tf",
        r#"variable "key_rotation" {
  type = bool
}

resource "aws_kms_key" "judged" {
  enable_key_rotation = true
}

resource "aws_kms_key" "unknown" {
  enable_key_rotation = var.key_rotation
}

# soc2gate:ignore aws-kms-rotation -- imported key, rotated by the HSM team (expires 2026-12-31)
resource "aws_kms_key" "accepted" {
  enable_key_rotation = false
}

resource "aws_kms_key" "failing" {
  enable_key_rotation = false
}

resource "aws_kms_key" "config_accepted" {
}
"#,
    );
    write(
        dir.path(),
        "soc2gate.toml",
        r#"[[exceptions]]
rule = "aws-kms-rotation"
resource = "aws_kms_key.config_accepted"
reason = "short-lived test key"
expires = "2026-08-01"

[[exceptions]]
rule = "aws-kms-rotation"
resource = "aws_kms_key.gone"
reason = "removed last year"
"#,
    );
    git(dir.path(), &["init", "-q", "-b", "main"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "infra"]);
    git(
        dir.path(),
        &[
            "remote",
            "add",
            "origin",
            "https://ci:secret-token@github.com/acme/infra.git",
        ],
    );
    dir
}

#[test]
fn verdicts_follow_findings_exceptions_and_what_could_not_be_judged() {
    let repo = repository();
    let (code, _, err) = run(soc2gate_in(repo.path()).args(["evidence", ".", "--out", "ev"]));
    assert_eq!(code, 1, "{err}");
    let bundle = read_json(&repo.path().join("ev/evidence.json"));
    assert_valid(&bundle);
    let mut verdicts = members(&bundle, "aws-kms-rotation");
    verdicts.sort();
    assert_eq!(
        verdicts,
        [
            ("aws_kms_key.accepted", "excepted"),
            ("aws_kms_key.config_accepted", "excepted"),
            ("aws_kms_key.failing", "fail"),
            ("aws_kms_key.judged", "pass"),
            ("aws_kms_key.unknown", "undetermined"),
        ]
        .map(|(r, v)| (r.to_string(), v.to_string()))
    );
    let c = &bundle["criteria"].as_array().unwrap()[0];
    assert_eq!(c["summary"]["evaluated"], 5);
    assert_eq!(c["summary"]["undetermined"], 1);

    // The register: both exceptions written, with where, status and days left.
    let register = bundle["exceptions"].as_array().unwrap();
    assert_eq!(register.len(), 3, "{register:#?}");
    let inline = register.iter().find(|e| e["source"] == "inline").unwrap();
    assert_eq!(inline["resource"], "aws_kms_key.accepted");
    assert_eq!(inline["status"], "active");
    assert_eq!(inline["file"], "infra/main.tf");
    assert_eq!(inline["line"], 13);
    assert_eq!(inline["expires"], "2026-12-31");
    assert_eq!(inline["days_left"], 213, "from 2026-06-01");
    assert_eq!(inline["blame"]["author"], "soc2gate test");
    assert_eq!(inline["blame"]["commit"].as_str().unwrap().len(), 40);
    let unused = register
        .iter()
        .find(|e| e["resource"] == "aws_kms_key.gone")
        .unwrap();
    assert_eq!(unused["status"], "unused");
    assert_eq!(unused["source"], "config");

    // Git metadata, the remote without its credentials.
    let git_meta = &bundle["run"]["git"];
    assert_eq!(git_meta["branch"], "main");
    assert_eq!(git_meta["remote"], "https://github.com/acme/infra.git");
    assert_eq!(git_meta["dirty"], false);
    // The covered violation links to its register entry.
    let text = std::fs::read_to_string(repo.path().join("ev/evidence.md")).unwrap();
    assert!(text.contains("| E"), "{text}");
    assert!(!text.contains("secret-token"));

    // After the exception expires, the resource fails and the register says so.
    let (code, _, _) = run(soc2gate_in(repo.path())
        .env("SOC2GATE_TODAY", "2027-01-15")
        .args(["evidence", ".", "--out", "later"]));
    assert_eq!(code, 1);
    let later = read_json(&repo.path().join("later/evidence.json"));
    let inline = later["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["source"] == "inline")
        .unwrap()
        .clone();
    assert_eq!(inline["status"], "expired");
    assert_eq!(inline["days_left"], -15);
    assert!(members(&later, "aws-kms-rotation")
        .contains(&("aws_kms_key.accepted".into(), "fail".into())));
}

#[test]
fn scope_limitations_list_what_was_not_looked_at() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "broken/main.tf",
        "resource \"aws_kms_key\" \"k\" {\n",
    );
    write(
        dir.path(),
        "app/main.tf",
        "module \"remote\" {\n  source = \"git::https://example.com/m.git\"\n}\n",
    );
    let (code, _, err) = run(soc2gate_in(dir.path()).args(["evidence", ".", "--out", "ev"]));
    assert_eq!(
        code, 2,
        "a file that does not parse makes the scan untrusted: {err}"
    );
    let bundle = read_json(&dir.path().join("ev/evidence.json"));
    assert_valid(&bundle);
    assert_eq!(bundle["run"]["result"], "error");
    let kinds: Vec<&str> = bundle["scope_limitations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"load-error"), "{kinds:?}");
    assert!(kinds.contains(&"module-not-expanded"), "{kinds:?}");
}

#[test]
fn evidence_needs_an_output_directory_and_the_whole_scan() {
    let (code, _, err) = run(soc2gate().args(["evidence", "testdata/example"]));
    assert_eq!(code, 2);
    assert!(err.contains("--out DIR is required"), "{err}");
    let (code, _, err) = run(soc2gate().args([
        "evidence",
        "testdata/example",
        "--out",
        "x",
        "--changed-since",
        "HEAD",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("--changed-since does not apply"), "{err}");
}

#[test]
fn diff_reports_each_kind_of_change_between_two_bundles() {
    let repo = repository();
    let (code, _, err) = run(soc2gate_in(repo.path()).args(["evidence", ".", "--out", "before"]));
    assert_eq!(code, 1, "{err}");
    // Fix one key, break the judged one, add a key, remove the unknown one, and let the
    // inline exception expire.
    write(
        repo.path(),
        "infra/main.tf",
        r#"# soc2gate:ignore aws-kms-rotation -- imported key, rotated by the HSM team (expires 2026-12-31)
resource "aws_kms_key" "accepted" {
  enable_key_rotation = false
}

resource "aws_kms_key" "judged" {
  enable_key_rotation = false
}

resource "aws_kms_key" "failing" {
  enable_key_rotation = true
}

resource "aws_kms_key" "config_accepted" {
}

resource "aws_kms_key" "new" {
  enable_key_rotation = true
}
"#,
    );
    let (_, _, err) = run(soc2gate_in(repo.path())
        .env("SOC2GATE_TODAY", "2027-01-15")
        .args(["evidence", ".", "--out", "after"]));
    assert!(!err.contains("error:"), "{err}");
    let (code, out, err) = run(soc2gate_in(repo.path()).args([
        "evidence",
        "diff",
        "before/evidence.json",
        "after/evidence.json",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    let diff: serde_json::Value = serde_json::from_str(&out).unwrap();
    let changes: Vec<(String, String)> = diff["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["changes"].as_array().unwrap())
        .chain(diff["exceptions"].as_array().unwrap())
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["resource"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for (kind, resource) in [
        ("started-failing", "aws_kms_key.judged"),
        ("started-failing", "aws_kms_key.accepted"),
        ("fixed", "aws_kms_key.failing"),
        ("added", "aws_kms_key.new"),
        ("removed", "aws_kms_key.unknown"),
        ("expired-exception", "aws_kms_key.accepted"),
    ] {
        assert!(
            changes.contains(&(kind.to_string(), resource.to_string())),
            "no {kind} for {resource} in {changes:#?}"
        );
    }
    let (_, text, _) = run(soc2gate_in(repo.path()).args([
        "evidence",
        "diff",
        "before/evidence.json",
        "after/evidence.json",
    ]));
    assert!(
        text.contains("started failing: aws-kms-rotation aws_kms_key.judged"),
        "{text}"
    );

    // Nothing changed: it says so.
    let (_, text, _) = run(soc2gate_in(repo.path()).args([
        "evidence",
        "diff",
        "before/evidence.json",
        "before/evidence.json",
    ]));
    assert!(text.contains("No change"), "{text}");

    // A file that is not a bundle is an error that says what to pass.
    let (code, _, err) = run(soc2gate_in(repo.path()).args([
        "evidence",
        "diff",
        "soc2gate.toml",
        "before/evidence.json",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("soc2gate.toml:1:3: not JSON"), "{err}");
}
