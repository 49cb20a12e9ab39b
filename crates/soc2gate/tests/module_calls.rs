//! Terraform modules as users meet them (`testdata/gate/two_roots`: `prod` and `staging`
//! both call `modules/logs` as `module "logs"`; its soc2gate.toml enables the two rules
//! its unencrypted bucket without policy breaks): a finding inside a called module is
//! reported once, at the module's line, with the calls that lead there; baselines,
//! exceptions and diff mode judge each call on its own; modules that were not expanded are
//! listed.

mod common;

use std::path::Path;

use common::{git, run, scan_json, soc2gate, soc2gate_in, write};
use serde_json::{json, Value};

const FIXTURE: &str = "testdata/gate/two_roots";
const MODULE: &str = "modules/logs/main.tf";

/// A copy of the fixture in a temporary directory, to edit.
fn copy_of_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    for file in ["prod/main.tf", "staging/main.tf", MODULE, "soc2gate.toml"] {
        let text = std::fs::read_to_string(from.join(file)).unwrap();
        write(dir.path(), file, &text);
    }
    dir
}

/// `module` and `line` of each call in a JSON `via` array.
fn calls(via: &Value) -> Vec<(String, String, u64)> {
    via.as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["module"].as_str().unwrap().to_string(),
                c["file"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn call(module: &str, file: &str, line: u64) -> (String, String, u64) {
    (module.to_string(), file.to_string(), line)
}

/// Each finding as (rule, line, suppressed, the files of every call chain's first call).
fn summary(report: &Value) -> Vec<(String, u64, bool, Vec<String>)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut callers = vec![f["via"][0]["file"].as_str().unwrap_or("").to_string()];
            for o in f["also"].as_array().unwrap() {
                callers.push(o["via"][0]["file"].as_str().unwrap_or("").to_string());
            }
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                !f["suppression"].is_null(),
                callers,
            )
        })
        .collect()
}

fn finding(rule: &str, suppressed: bool, callers: &[&str]) -> (String, u64, bool, Vec<String>) {
    (
        rule.to_string(),
        6,
        suppressed,
        callers.iter().map(|c| c.to_string()).collect(),
    )
}

#[test]
fn a_module_called_by_two_roots_is_reported_once_with_both_calls() {
    let (code, out, err) = run(soc2gate().args(["scan", FIXTURE, "--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let rules: Vec<&str> = findings
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["aws-s3-encryption-at-rest", "aws-s3-tls-only"]);
    for f in findings {
        assert_eq!(f["file"], format!("{FIXTURE}/{MODULE}"));
        assert_eq!(f["start_line"], 6);
        assert_eq!(f["resource"], "module.logs.aws_s3_bucket.this");
        assert_eq!(
            calls(&f["via"]),
            [call("module.logs", &format!("{FIXTURE}/prod/main.tf"), 1)]
        );
        let also = f["also"].as_array().unwrap();
        assert_eq!(also.len(), 1, "{f:#}");
        assert_eq!(also[0]["resource"], "module.logs.aws_s3_bucket.this");
        assert_eq!(
            calls(&also[0]["via"]),
            [call(
                "module.logs",
                &format!("{FIXTURE}/staging/main.tf"),
                1
            )]
        );
    }
    assert_eq!(report["summary"]["findings"], 2);

    // The registry module prod calls is listed, and said on standard error when the
    // report is not the text one.
    assert_eq!(
        report["modules_not_expanded"],
        json!([{
            "module": "module.network",
            "source": "terraform-aws-modules/vpc/aws",
            "file": format!("{FIXTURE}/prod/main.tf"),
            "line": 6,
            "column": 1,
            "reason": format!("not installed: no {FIXTURE}/prod/.terraform/modules/modules.json"),
            "help": format!("run `terraform get` (or `terraform init -backend=false`) in {FIXTURE}/prod, then scan again"),
        }])
    );
    assert!(
        err.contains(&format!("warning: {FIXTURE}/prod/main.tf:6:1: module.network (terraform-aws-modules/vpc/aws) was not expanded: not installed: no {FIXTURE}/prod/.terraform/modules/modules.json")),
        "{err}"
    );
}

#[test]
fn the_text_report_names_the_calls_and_the_modules_not_expanded() {
    let (code, out, err) = run(soc2gate().args(["scan", FIXTURE]));
    assert_eq!(code, 1);
    let via = format!(
        "  via module.logs at {FIXTURE}/prod/main.tf:1\n  also via module.logs at {FIXTURE}/staging/main.tf:1\n"
    );
    assert_eq!(out.matches(&via).count(), 2, "{out}");
    assert!(
        out.contains(&format!("modules not expanded, the resources they create were not checked:\n  module.network (terraform-aws-modules/vpc/aws) at {FIXTURE}/prod/main.tf:6: not installed: no {FIXTURE}/prod/.terraform/modules/modules.json\n")),
        "{out}"
    );
    // The summary line, then the gate's verdict.
    let summary = out.lines().rev().nth(1).unwrap();
    assert!(summary.contains("· 1 module not expanded ·"), "{out}");
    assert!(
        out.lines().last().unwrap().starts_with("gate fails: "),
        "{out}"
    );
    // Said once: the text report already lists it.
    assert!(!err.contains("not expanded"), "{err}");
}

#[test]
fn baselines_accept_each_call_and_a_new_call_is_new() {
    let dir = copy_of_fixture();
    let root = dir.path();
    let (code, out, err) = run(soc2gate_in(root).args(["baseline", "create"]));
    assert_eq!(code, 0, "{err}");
    // One entry per rule: both roots call the module by the same address.
    assert!(out.contains("recorded 2 findings"), "{out}");
    let (code, report) = scan_json(root, &["--baseline", ".soc2gate-baseline.json"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["fixed"], json!([]));

    // A third call of the module, under another address, is a new finding; the accepted
    // ones stay accepted, reported with the calls that lead to them.
    write(
        root,
        "staging/audit.tf",
        "module \"audit_logs\" {\n  source = \"../modules/logs\"\n  env    = \"audit\"\n}\n",
    );
    let (code, report) = scan_json(root, &["--baseline", ".soc2gate-baseline.json"]);
    assert_eq!(code, 1, "{report:#}");
    let new_call = ["staging/audit.tf"];
    let accepted = ["prod/main.tf", "staging/main.tf"];
    assert_eq!(
        summary(&report),
        [
            finding("aws-s3-encryption-at-rest", false, &new_call),
            finding("aws-s3-encryption-at-rest", true, &accepted),
            finding("aws-s3-tls-only", false, &new_call),
            finding("aws-s3-tls-only", true, &accepted),
        ]
    );
    assert_eq!(report["fixed"], json!([]));
}

#[test]
fn an_exception_in_the_module_covers_every_call_one_on_a_call_that_call() {
    let dir = copy_of_fixture();
    let root = dir.path();
    let module = std::fs::read_to_string(root.join(MODULE)).unwrap();
    write(
        root,
        MODULE,
        &module.replace(
            "resource \"aws_s3_bucket\"",
            "# soc2gate:ignore aws-s3-tls-only -- only AWS services write here, over TLS\nresource \"aws_s3_bucket\"",
        ),
    );
    let (_, report) = scan_json(root, &[]);
    let at = |rule: &str, suppressed: bool, callers: &[&str]| {
        (
            rule.to_string(),
            7,
            suppressed,
            callers.iter().map(|c| c.to_string()).collect(),
        )
    };
    assert_eq!(
        summary(&report),
        [
            at(
                "aws-s3-encryption-at-rest",
                false,
                &["prod/main.tf", "staging/main.tf"]
            ),
            at(
                "aws-s3-tls-only",
                true,
                &["prod/main.tf", "staging/main.tf"]
            ),
        ]
    );

    // On staging's call only: prod's occurrence still fails, on its own.
    write(root, MODULE, &module);
    let staging = std::fs::read_to_string(root.join("staging/main.tf")).unwrap();
    write(
        root,
        "staging/main.tf",
        &format!("# soc2gate:ignore aws-s3-encryption-at-rest -- staging holds no customer data\n{staging}"),
    );
    let (code, report) = scan_json(root, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        summary(&report),
        [
            finding("aws-s3-encryption-at-rest", false, &["prod/main.tf"]),
            finding("aws-s3-encryption-at-rest", true, &["staging/main.tf"]),
            finding(
                "aws-s3-tls-only",
                false,
                &["prod/main.tf", "staging/main.tf"]
            ),
        ]
    );
}

#[test]
fn diff_mode_keeps_a_module_finding_when_one_caller_changed() {
    let dir = copy_of_fixture();
    let root = dir.path();
    git(root, &["init", "--quiet", "--initial-branch=main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "--quiet", "-m", "base"]);

    // Nothing changed: both findings left out, counted as the report would show them.
    let (code, report) = scan_json(root, &["--changed-since", "main"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["not_shown"], 2);

    // Staging passes another input: the module's findings are the pull request's concern.
    let staging = std::fs::read_to_string(root.join("staging/main.tf")).unwrap();
    write(
        root,
        "staging/main.tf",
        &staging.replace("\"staging\"", "\"stage\""),
    );
    let (code, report) = scan_json(root, &["--changed-since", "main"]);
    assert_eq!(code, 1);
    assert_eq!(report["summary"]["not_shown"], 0);
    assert_eq!(report["findings"].as_array().unwrap().len(), 2);
}

#[test]
fn rule_fixtures_inside_modules_carry_their_call_chain() {
    for (fixture, rule, caller) in [
        (
            "testdata/rules/aws-s3-encryption-at-rest/for_each_through_module",
            "aws-s3-encryption-at-rest",
            call(
                "module.lake",
                "testdata/rules/aws-s3-encryption-at-rest/for_each_through_module/one_key_unencrypted/main.tf",
                3,
            ),
        ),
        (
            "testdata/rules/github-branch-protection-reviews/review_count_from_module_input",
            "github-branch-protection-reviews",
            call(
                "module.sandbox",
                "testdata/rules/github-branch-protection-reviews/review_count_from_module_input/main.tf",
                10,
            ),
        ),
    ] {
        let (_, out, err) = run(soc2gate().args(["scan", fixture, "--format", "json"]));
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let found: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule_id"] == rule)
            .collect();
        assert_eq!(found.len(), 1, "{fixture}: {found:#?}");
        assert_eq!(calls(&found[0]["via"]), [caller], "{fixture}");
        assert_eq!(found[0]["also"], json!([]), "{fixture}");
    }
}
