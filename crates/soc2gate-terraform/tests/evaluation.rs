//! Evaluation: unknown versus unset, variables, tfvars, locals, expressions, functions.

mod common;

use common::*;

const LB: &str = r#"
resource "aws_lb_listener" "https" {
  ssl_policy = var.p
}
"#;

#[test]
fn variable_without_default_is_unknown_not_unset() {
    let (loaded, _) = load(&[
        ("infra/main.tf", LB),
        ("infra/variables.tf", "variable \"p\" {}\n"),
    ]);
    no_errors(&loaded);
    let r = resource(&loaded, "aws_lb_listener.https");
    assert!(!r.values.contains_key("ssl_policy"));
    assert_eq!(r.unknown, ["ssl_policy"]);
}

#[test]
fn variable_default_tfvars_and_locals_give_values() {
    let vars = "variable \"p\" {\n  type      = string\n  sensitive = true\n  default   = \"TLS-1-2\"\n  validation {\n    condition     = length(var.p) > 0\n    error_message = \"empty\"\n  }\n}\n";
    let (loaded, _) = load(&[("infra/main.tf", LB), ("infra/variables.tf", vars)]);
    no_errors(&loaded);
    let r = resource(&loaded, "aws_lb_listener.https");
    assert_eq!(values(r), json!({"ssl_policy": "TLS-1-2"}));
    assert!(r.unknown.is_empty());

    let (loaded, _) = load(&[
        ("infra/main.tf", LB),
        ("infra/variables.tf", vars),
        ("infra/terraform.tfvars", "p = \"TLS-1-3\"\n"),
    ]);
    no_errors(&loaded);
    assert_eq!(
        values(resource(&loaded, "aws_lb_listener.https")),
        json!({"ssl_policy": "TLS-1-3"})
    );

    let local = "locals {\n  policy = \"TLS13-1-2\"\n}\nresource \"aws_lb_listener\" \"https\" {\n  ssl_policy = local.policy\n}\n";
    let loaded = load_one(local);
    no_errors(&loaded);
    assert_eq!(
        values(resource(&loaded, "aws_lb_listener.https")),
        json!({"ssl_policy": "TLS13-1-2"})
    );
}

#[test]
fn tfvars_precedence_and_typed_defaults() {
    let (loaded, _) = load(&[
        (
            "infra/main.tf",
            r#"
variable "a" {}
variable "b" {}
variable "c" {}
variable "list" {
  type    = list(string)
  default = ["x", "y"]
}
variable "obj" {
  default = { name = "n", tags = { team = "sec" } }
}
variable "nothing" {
  default = null
}
resource "t_x" "y" {
  a       = var.a
  b       = var.b
  c       = var.c
  first   = var.list[0]
  name    = var.obj.name
  team    = var.obj["tags"].team
  nothing = var.nothing
  missing = var.not_declared
}
"#,
        ),
        (
            "infra/b.auto.tfvars",
            "b = \"from-b-auto\"\nc = \"from-b-auto\"\n",
        ),
        (
            "infra/a.auto.tfvars",
            "a = \"from-a-auto\"\nb = \"from-a-auto\"\n",
        ),
        (
            "infra/terraform.tfvars",
            "a = \"tfvars\"\nb = \"tfvars\"\nc = \"tfvars\"\nzzz = 1\n",
        ),
        ("infra/other.tfvars", "c = \"never loaded\"\n"),
    ]);
    no_errors(&loaded);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(
        values(r),
        json!({
            "a": "from-a-auto", "b": "from-b-auto", "c": "from-b-auto",
            "first": "x", "name": "n", "team": "sec"
        })
    );
    // A null is unset, not unknown; an undeclared variable is unknown, and a warning.
    assert_eq!(r.unknown, ["missing"]);
    assert_eq!(loaded.warnings.len(), 1, "{:#?}", loaded.warnings);
    assert!(loaded.warnings[0]
        .message
        .starts_with("var.not_declared is not declared in this module"));
    assert_eq!(
        loaded.module.files,
        [
            "infra/main.tf",
            "infra/terraform.tfvars",
            "infra/a.auto.tfvars",
            "infra/b.auto.tfvars"
        ]
    );
}

#[test]
fn locals_evaluate_in_dependency_order_and_cycles_are_reported() {
    let loaded = load_one(
        r#"
locals {
  name   = "${local.prefix}-${local.env}"
  prefix = upper(local.env)
  env    = "prod"
  a      = local.b
  b      = local.c
  c      = local.a
  d      = "${local.a}-x"
}
resource "t_x" "y" {
  name = local.name
  a    = local.a
  d    = local.d
  path = "${path.module}/files"
}
"#,
    );
    assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
    let err = &loaded.errors[0];
    assert!(
        err.message
            .contains("local.a -> local.b -> local.c -> local.a"),
        "{}",
        err.message
    );
    assert_eq!(err.location.start.line, 6);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(
        values(r),
        json!({"name": "PROD-prod", "path": "infra/files"})
    );
    assert_eq!(r.unknown, ["a", "d"]);
}

#[test]
fn expressions_operators_templates_and_heredocs() {
    let loaded = load_one(
        r#"
variable "n" {
  default = 3
}
variable "names" {
  default = ["a", "b"]
}
resource "t_x" "y" {
  sum      = var.n * 2 + 1
  neg      = -var.n
  cmp      = var.n >= 3 && !false
  eq       = "a" == "a"
  ne       = 1 != 1
  cond     = var.n > 5 ? "big" : "small"
  idx      = ["p", "q"][1]
  attr     = { k = { v = "deep" } }.k.v
  tmpl     = "n=${var.n} ok=${true}"
  single   = "${var.names}"
  strip    = "a ${~"b"~} c"
  lstrip   = "a ${~"b"} c"
  escaped  = "quote \" and $${literal}"
  heredoc  = <<EOT
line ${var.n}
EOT
  indented = <<-EOT
    one
      two
    EOT
  fors     = [for s in var.names : upper(s) if s != "b"]
  formap   = { for i, s in var.names : s => i }
  splat    = [{ id = 1 }, { id = 2 }][*].id
  short    = false && var.unset
  anyway   = var.unset == "x" ? "same" : "same"
  div0     = 1 / 0
  directive = "%{ if var.n > 1 }many%{ endif }"
  badindex = ["a"][5]
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(
        values(r),
        json!({
            "sum": 7, "neg": -3, "cmp": true, "eq": true, "ne": false, "cond": "small",
            "idx": "q", "attr": "deep", "tmpl": "n=3 ok=true", "single": ["a", "b"],
            "strip": "abc", "lstrip": "ab c", "escaped": "quote \" and ${literal}",
            "heredoc": "line 3\n", "indented": "one\n  two\n",
            "fors": ["A"], "formap": {"a": 0, "b": 1}, "splat": [1, 2],
            "short": false, "anyway": "same", "directive": "many"
        })
    );
    assert_eq!(r.unknown, ["badindex", "div0"]);
}

#[test]
fn functions_known_and_unknown() {
    let loaded = load_one(
        r#"
resource "t_x" "y" {
  merged  = merge({ a = 1, b = 1 }, { b = 2 })
  cat     = concat(["a"], ["b", "c"])
  low     = lower("ABC")
  up      = upper("abc")
  fmt     = format("%s-%d-%q", "x", 7, "y")
  joined  = join(",", ["a", "b"])
  str     = tostring(5)
  num     = tonumber("5")
  bool    = tobool("true")
  list    = tolist(["a"])
  set     = toset(["b", "a", "b"])
  decoded = jsondecode("{\"k\": [1, 2]}")
  spread  = concat(["a"], [["b"]]...)
  other   = cidrsubnet("10.0.0.0/16", 8, 1)
  bad     = tonumber("x")
  ns      = provider::aws::arn_parse("x")
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(
        values(r),
        json!({
            "merged": {"a": 1, "b": 2}, "cat": ["a", "b", "c"], "low": "abc", "up": "ABC",
            "fmt": "x-7-\"y\"", "joined": "a,b", "str": "5", "num": 5, "bool": true,
            "list": ["a"], "set": ["a", "b"], "decoded": {"k": [1, 2]}, "spread": ["a", "b"],
            "other": "10.0.1.0/24"
        })
    );
    assert_eq!(r.unknown, ["bad", "ns"]);
}

#[test]
fn unknown_inside_known_values() {
    let loaded = load_one(
        r#"
resource "aws_iam_policy" "p" {
  actions = ["s3:GetObject", var.extra, "s3:PutObject"]
  tags = {
    owner = var.owner
    team  = "sec"
  }
  nested = [{ a = var.x }, "ok"]
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "aws_iam_policy.p");
    assert_eq!(
        values(r),
        json!({
            "actions": ["s3:GetObject", null, "s3:PutObject"],
            "tags": {"team": "sec"},
            "nested": [{}, "ok"]
        })
    );
    assert_eq!(r.unknown, ["actions[1]", "nested[0].a", "tags.owner"]);
    let mut sorted = r.unknown.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(r.unknown, sorted);
}

#[test]
fn equality_follows_terraform_with_unknown_parts() {
    let loaded = load_one(
        r#"
variable "unset" {}
resource "t_x" "y" {
  not_null  = { a = var.unset } != null
  null_eq   = null == null
  kinds     = 1 == "1"
  lengths   = [var.unset] == [1, 2]
  unknown   = [var.unset] == [1]
  objects   = { a = 1 } == { a = 1 }
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "t_x.y");
    assert_eq!(
        values(r),
        json!({"not_null": true, "null_eq": true, "kinds": false, "lengths": false, "objects": true})
    );
    assert_eq!(r.unknown, ["unknown"]);
}
