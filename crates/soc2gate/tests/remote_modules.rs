//! Modules that `terraform init` installed (`testdata/gate/remote_modules`: a root that
//! calls a registry module, which calls another; a git module with `for_each`; a module
//! installed from a source the block no longer names; one never installed), and local
//! modules outside the scanned path. No network: the fixture holds a hand-written
//! `.terraform/modules/modules.json` and the installed trees.

mod common;

use std::path::Path;

use common::{git, run, scan_json, soc2gate, soc2gate_in, write};
use serde_json::{json, Value};

const FIXTURE: &str = "testdata/gate/remote_modules";

/// Each finding as (file, line, resource, the call chain as (module, file, line)).
type Found = (String, u64, String, Vec<(String, String, u64)>);

fn found(report: &Value) -> Vec<Found> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let via = f["via"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| {
                    (
                        c["module"].as_str().unwrap().to_string(),
                        c["file"].as_str().unwrap().to_string(),
                        c["line"].as_u64().unwrap(),
                    )
                })
                .collect();
            (
                f["file"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["resource"].as_str().unwrap().to_string(),
                via,
            )
        })
        .collect()
}

fn at(file: &str, line: u64, resource: &str, via: &[(&str, &str, u64)]) -> Found {
    (
        format!("{FIXTURE}/{file}"),
        line,
        resource.to_string(),
        via.iter()
            .map(|(m, f, l)| (m.to_string(), format!("{FIXTURE}/{f}"), *l))
            .collect(),
    )
}

#[test]
fn installed_modules_are_expanded_with_inputs_for_each_outputs_and_nesting() {
    let (code, out, err) = run(soc2gate().args(["scan", FIXTURE, "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        found(&report),
        [
            // `encrypted` comes from an output of module.logs: only "raw" is encrypted.
            at(
                ".terraform/modules/buckets/modules/bucket/main.tf",
                10,
                "module.buckets[\"curated\"].aws_s3_bucket.this",
                &[("module.buckets[\"curated\"]", "main.tf", 7)]
            ),
            at(
                ".terraform/modules/logs.archive/main.tf",
                6,
                "module.logs.module.archive.aws_s3_bucket.archive",
                &[
                    ("module.logs", "main.tf", 1),
                    (
                        "module.logs.module.archive",
                        ".terraform/modules/logs/main.tf",
                        10
                    )
                ]
            ),
            at(
                ".terraform/modules/logs/main.tf",
                6,
                "module.logs.aws_s3_bucket.this",
                &[("module.logs", "main.tf", 1)]
            ),
        ]
    );
    let get = format!(
        "run `terraform get` (or `terraform init -backend=false`) in {FIXTURE}, then scan again"
    );
    let manifest = format!("{FIXTURE}/.terraform/modules/modules.json");
    assert_eq!(
        report["modules_not_expanded"],
        json!([
            {
                "module": "module.queue",
                "source": "acme/queue-v2/aws",
                "file": format!("{FIXTURE}/main.tf"),
                "line": 14,
                "column": 1,
                "reason": format!("installed from another source (\"registry.terraform.io/acme/queue/aws\" in {manifest})"),
                "help": get,
            },
            {
                "module": "module.network",
                "source": "terraform-aws-modules/vpc/aws",
                "file": format!("{FIXTURE}/main.tf"),
                "line": 18,
                "column": 1,
                "reason": format!("not installed: {manifest} does not list \"network\""),
                "help": get,
            },
        ])
    );
}

#[test]
fn sarif_points_into_the_installed_module_and_validates() {
    let (code, out, err) = run(soc2gate().args(["scan", FIXTURE, "--format", "sarif"]));
    assert_eq!(code, 1, "{err}");
    let sarif: Value = serde_json::from_str(&out).unwrap();
    if let Err(errors) = soc2gate_report::validate_sarif(&sarif) {
        panic!("SARIF does not validate:\n{}", errors.join("\n"));
    }
    let uris: Vec<&str> = sarif["runs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|run| run["results"].as_array().unwrap())
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(
        uris.contains(&format!("{FIXTURE}/.terraform/modules/logs/main.tf").as_str()),
        "{uris:?}"
    );
}

/// A copy of the fixture in a temporary directory, to edit.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    copy_tree(&from, dir.path());
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn an_exception_on_the_module_block_suppresses_what_the_installed_module_creates() {
    let dir = copy_of_fixture();
    let root = dir.path();
    let main = std::fs::read_to_string(root.join("main.tf")).unwrap();
    write(
        root,
        "main.tf",
        &main.replacen(
            "module \"logs\" {",
            "# soc2gate:ignore aws-s3-encryption-at-rest -- log buckets hold no customer data\nmodule \"logs\" {",
            1,
        ),
    );
    let (code, report) = scan_json(root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let state: Vec<(String, bool)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["resource"].as_str().unwrap().to_string(),
                !f["suppression"].is_null(),
            )
        })
        .collect();
    assert_eq!(
        state,
        [
            (
                "module.buckets[\"curated\"].aws_s3_bucket.this".to_string(),
                false
            ),
            (
                "module.logs.module.archive.aws_s3_bucket.archive".to_string(),
                true
            ),
            ("module.logs.aws_s3_bucket.this".to_string(), true),
        ]
    );
}

#[test]
fn without_a_manifest_remote_calls_say_to_run_terraform_get() {
    let dir = copy_of_fixture();
    let root = dir.path();
    std::fs::remove_dir_all(root.join(".terraform")).unwrap();
    let (code, report) = scan_json(root, &[]);
    assert_eq!(code, 0, "{report:#}");
    let reasons: Vec<&str> = report["modules_not_expanded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    for r in reasons {
        assert_eq!(r, "not installed: no .terraform/modules/modules.json");
    }
}

#[test]
fn a_broken_manifest_is_an_error_at_its_line() {
    let dir = copy_of_fixture();
    let root = dir.path();
    write(
        root,
        ".terraform/modules/modules.json",
        "{\"Modules\": [\n  {\"Key\": }\n]}\n",
    );
    let (code, out, err) = run(soc2gate_in(root).args(["scan"]));
    assert_eq!(code, 2, "{out}");
    assert!(
        (out.clone() + &err).contains(".terraform/modules/modules.json:2:"),
        "{out}\n{err}"
    );
}

#[test]
fn local_modules_outside_the_scanned_path_are_read_inside_the_repository_only() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    write(
        &repo,
        "envs/prod/main.tf",
        "module \"vpc\" {\n  source = \"../../modules/vpc\"\n  name   = \"prod\"\n}\n\nmodule \"shared\" {\n  source = \"../../../shared\"\n}\n",
    );
    write(
        &repo,
        "modules/vpc/main.tf",
        "variable \"name\" {}\n\nresource \"aws_s3_bucket\" \"flow_logs\" {\n  bucket = \"${var.name}-flow-logs\"\n}\n",
    );
    write(
        dir.path(),
        "shared/main.tf",
        "resource \"aws_s3_bucket\" \"outside\" {\n  bucket = \"outside\"\n}\n",
    );
    write(
        &repo,
        "soc2gate.toml",
        "enable = [\"aws-s3-encryption-at-rest\"]\n",
    );
    git(&repo, &["init", "--quiet"]);

    for (cwd, scanned, module_file, call_file) in [
        (
            repo.clone(),
            "envs/prod",
            "modules/vpc/main.tf",
            "envs/prod/main.tf",
        ),
        (
            repo.join("envs/prod"),
            ".",
            "../../modules/vpc/main.tf",
            "main.tf",
        ),
    ] {
        let (code, report) = scan_json(&cwd, &[scanned]);
        assert_eq!(code, 1, "{report:#}");
        let f = &report["findings"][0];
        assert_eq!(f["file"], module_file, "{report:#}");
        assert_eq!(f["resource"], "module.vpc.aws_s3_bucket.flow_logs");
        assert_eq!(f["via"][0]["file"], call_file);
        assert_eq!(report["findings"].as_array().unwrap().len(), 1);
        let not_expanded = &report["modules_not_expanded"];
        assert_eq!(not_expanded.as_array().unwrap().len(), 1, "{report:#}");
        assert_eq!(not_expanded[0]["module"], "module.shared");
        let reason = not_expanded[0]["reason"].as_str().unwrap();
        assert!(
            reason.contains("is outside the repository that holds the scan"),
            "{reason}"
        );
    }
}
