//! Hostile Terraform: reference cycles, work without bounds, and malformed JSON and
//! variable files. Each load must end quickly with the problem reported at its line.

mod common;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use common::*;
use soc2gate_terraform::{load_modules, load_plan, LoadOptions};

/// Loads `files`, failing the test if that takes long (each of these ran for minutes, or
/// overflowed the stack, before). The bound allows for an unoptimized build on a busy
/// machine; the release build takes a fraction of it.
fn load_quickly(files: &[(&str, &str)]) -> Loaded {
    let start = Instant::now();
    let (loaded, _) = load(files);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
    loaded
}

fn messages(list: &[soc2gate_model::LoadError]) -> Vec<String> {
    list.iter()
        .map(|e| {
            format!(
                "{}:{}: {}",
                e.location.file, e.location.start.line, e.message
            )
        })
        .collect()
}

#[test]
fn a_variable_default_that_refers_to_itself_is_a_cycle_not_a_stack_overflow() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        "variable \"v\" {\n  default = var.v\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.v\n}\n",
    )]);
    assert_eq!(
        messages(&loaded.errors),
        ["infra/main.tf:2: reference cycle: var.v -> var.v"]
    );
    let r = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(r.unknown, ["bucket"]);
}

#[test]
fn a_cycle_through_variables_and_locals_is_reported_once_at_its_first_member() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        r#"
locals {
  name = "${var.prefix}-x"
}
variable "prefix" {
  default = local.name
}
resource "aws_s3_bucket" "b" {
  bucket = local.name
  tags   = { p = var.prefix }
}
"#,
    )]);
    assert_eq!(
        messages(&loaded.errors),
        ["infra/main.tf:3: reference cycle: local.name -> var.prefix -> local.name"]
    );
    let r = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(r.unknown, ["bucket", "tags.p"]);
}

#[test]
fn a_local_that_holds_itself_twice_is_reported_without_an_exponential_walk() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        "locals {\n  a = { x = local.a, y = local.a }\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  tags   = local.a\n}\n",
    )]);
    assert_eq!(
        messages(&loaded.errors),
        ["infra/main.tf:2: cycle between locals: local.a -> local.a"]
    );
}

#[test]
fn too_many_instances_become_one_with_a_warning_at_the_block() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        r#"
resource "aws_s3_bucket" "many" {
  count  = 999999
  bucket = "b-${count.index}"
}
resource "aws_s3_bucket" "keys" {
  for_each = toset([for i in range(100000) : tostring(i)])
  bucket   = each.key
}
resource "aws_s3_bucket" "fine" {
  count  = 3
  bucket = "f-${count.index}"
}
"#,
    )]);
    no_errors(&loaded);
    assert_eq!(
        messages(&loaded.warnings),
        [
            "infra/main.tf:2: count gives 999999 instances, more than 10000 (the limit per block); soc2gate checks them as one instance whose count.index is unknown",
            "infra/main.tf:6: for_each gives 100000 instances, more than 10000 (the limit per block); soc2gate checks them as one instance whose each.key and each.value are unknown",
        ]
    );
    assert_eq!(resource(&loaded, "aws_s3_bucket.many").unknown, ["bucket"]);
    assert_eq!(resource(&loaded, "aws_s3_bucket.keys").unknown, ["bucket"]);
    assert_eq!(loaded.module.resources.len(), 5);
}

#[test]
fn values_doubled_forty_times_become_unknown_with_a_warning() {
    let mut text = String::from("locals {\n  s0 = \"ab\"\n  l0 = [\"a\"]\n");
    for i in 1..=40 {
        let p = i - 1;
        text += &format!("  s{i} = \"${{local.s{p}}}${{local.s{p}}}\"\n");
        text += &format!("  l{i} = concat(local.l{p}, local.l{p})\n");
    }
    text += "}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = local.s40\n  tags   = { n = length(local.l40), small = local.s3 }\n}\n";
    let loaded = load_quickly(&[("infra/main.tf", &text)]);
    no_errors(&loaded);
    let warnings = messages(&loaded.warnings);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    // The first local past the limit: 2^19 twice is the first string above a million
    // characters, 2^20 the first list above a million elements.
    assert!(
        warnings[0].starts_with("infra/main.tf:40: "),
        "{warnings:#?}"
    );
    assert!(
        warnings[1].starts_with("infra/main.tf:43: "),
        "{warnings:#?}"
    );
    assert!(warnings[0].contains("more than 1000000 elements and characters (the limit per value)"));
    let r = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(values(r), json!({"tags": {"small": "abababababababab"}}));
    assert_eq!(r.unknown, ["bucket", "tags.n"]);
}

#[test]
fn nested_for_over_large_ranges_stops_at_the_value_limit() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        r#"
locals {
  big = [for i in range(100000) : [for j in range(100000) : j]]
  all = [for i in range(100000) : [for j in range(100000) : j if false]]
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags   = { n = length(local.big), m = length(local.all) }
}
"#,
    )]);
    no_errors(&loaded);
    let warnings = messages(&loaded.warnings);
    assert!(
        warnings[0].starts_with("infra/main.tf:3: a value here has more than 1000000"),
        "{warnings:#?}"
    );
    // `all` builds nothing but takes 10^10 steps: the step limit stops it.
    assert!(
        warnings[1].starts_with("infra/main.tf:4: evaluation stopped after 5000000 steps"),
        "{warnings:#?}"
    );
    // Past the step limit the rest of the module is unknown too.
    assert_eq!(
        resource(&loaded, "aws_s3_bucket.b").unknown,
        ["bucket", "tags"]
    );
}

#[test]
fn functions_do_not_build_results_past_the_limit() {
    let loaded = load_quickly(&[(
        "infra/main.tf",
        r#"
locals {
  s = join("", [for i in range(1000) : "abcdefghij"])
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  tags = {
    joined   = join(local.s, range(10000))
    replaced = replace(local.s, "a", local.s)
    fine     = length(local.s)
  }
}
"#,
    )]);
    no_errors(&loaded);
    let warnings = messages(&loaded.warnings);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].contains("`join(...)` would build a value of more than 1000000"));
    assert!(warnings[1].contains("`replace(...)` would build"));
    let r = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(values(r), json!({"bucket": "b", "tags": {"fine": 10000}}));
}

#[test]
fn tf_json_of_the_wrong_shape_is_a_load_error_with_its_path_and_line() {
    let (loaded, _) = load(&[(
        "infra/main.tf.json",
        "{\n  \"resource\": {\n    \"aws_s3_bucket\": \"str\"\n  },\n  \"variable\": [1],\n  \"output\": {\"o\": 3}\n}\n",
    )]);
    assert_eq!(
        messages(&loaded.errors),
        [
            "infra/main.tf.json:3: `resource.aws_s3_bucket` must be an object, not a string",
            "infra/main.tf.json:5: `variable[0]` must be an object, not a number",
            "infra/main.tf.json:6: `output.o` must be an object, not a number",
        ]
    );
}

#[test]
fn plan_json_of_the_wrong_shape_is_a_load_error_with_its_path_and_line() {
    let plan = SourceFile::new(
        "plan.json",
        "{\n  \"format_version\": \"1.0\",\n  \"planned_values\": {\n    \"root_module\": {\n      \"resources\": \"str\",\n      \"child_modules\": [{\"resources\": [{\"address\": 1}]}]\n    }\n  }\n}\n",
    );
    let loaded = load_plan(&plan, &BTreeMap::new(), &LoadOptions::default());
    let errors = messages(&loaded.errors);
    assert_eq!(
        errors,
        [
            "plan.json:5: `planned_values.root_module.resources` must be an array in a Terraform plan",
            "plan.json:6: `planned_values.root_module.child_modules[0].resources[0].address` must be a string in a Terraform plan",
            "plan.json:6: `planned_values.root_module.child_modules[0].resources[0]` has no `type`",
            "plan.json:6: `planned_values.root_module.child_modules[0].resources[0]` has no `name`",
        ]
    );
    let plan = SourceFile::new(
        "plan.json",
        "{\"format_version\": \"1.0\", \"planned_values\": \"x\"}",
    );
    let loaded = load_plan(&plan, &BTreeMap::new(), &LoadOptions::default());
    assert_eq!(
        messages(&loaded.errors),
        ["plan.json:1: `planned_values` must be an object in a Terraform plan"]
    );
}

#[test]
fn tfvars_values_of_the_wrong_type_are_warnings_at_their_line() {
    let (loaded, _) = load(&[
        (
            "infra/main.tf",
            "variable \"n\" {\n  type = number\n}\nvariable \"l\" {\n  type = list(bool)\n}\nvariable \"ok\" {\n  type = string\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = \"x-${var.n}-${var.ok}\"\n  tags   = { l = var.l[0] }\n}\n",
        ),
        ("infra/terraform.tfvars", "ok = 3\nn  = \"abc\"\n"),
        ("infra/x.auto.tfvars.json", "{\n  \"l\": [\"yes\"]\n}\n"),
    ]);
    no_errors(&loaded);
    assert_eq!(
        messages(&loaded.warnings),
        [
            "infra/terraform.tfvars:2: this value of var.n does not have the type its variable declares",
            "infra/x.auto.tfvars.json:2: this value of var.l does not have the type its variable declares",
        ]
    );
    assert_eq!(
        resource(&loaded, "aws_s3_bucket.b").unknown,
        ["bucket", "tags"]
    );
}

#[test]
fn an_encrypted_variable_file_makes_the_variables_it_could_set_unknown() {
    let main = SourceFile::new(
        "infra/main.tf",
        "variable \"name\" {\n  default = \"dflt\"\n}\nresource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n}\n",
    );
    let secrets = SourceFile::new("infra/secrets.auto.tfvars", "");
    let mut dirs = BTreeMap::new();
    dirs.insert("infra".to_string(), vec![&main, &secrets]);
    let opts = LoadOptions {
        encrypted: vec!["infra/secrets.auto.tfvars".into()],
        ..Default::default()
    };
    let loaded = load_modules(&dirs, &opts).remove(0);
    no_errors(&loaded);
    assert_eq!(resource(&loaded, "aws_s3_bucket.b").unknown, ["bucket"]);
}
