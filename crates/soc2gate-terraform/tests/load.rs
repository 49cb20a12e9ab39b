//! Loading modules through the public API: what ends up in `values`, `unknown`, `refs`,
//! the source map and the errors.

use serde_json::{json, Value};
use soc2gate_model::{AttrPath, Loaded, Mode, ModuleKind, Position, Resource, SourceFile};
use soc2gate_terraform::{load_module, parse};

fn load(files: &[(&str, &str)]) -> (Loaded, Vec<SourceFile>) {
    let sources: Vec<SourceFile> = files
        .iter()
        .map(|(path, text)| SourceFile::new(*path, *text))
        .collect();
    let refs: Vec<&SourceFile> = sources.iter().collect();
    (load_module("infra", &refs), sources)
}

fn load_one(text: &str) -> Loaded {
    load(&[("infra/main.tf", text)]).0
}

fn resource<'a>(loaded: &'a Loaded, address: &str) -> &'a Resource {
    loaded
        .module
        .resources
        .iter()
        .find(|r| r.address == address)
        .unwrap_or_else(|| panic!("no {address} in {:#?}", loaded.module.resources))
}

fn values(r: &Resource) -> Value {
    Value::Object(r.values.clone())
}

fn no_errors(loaded: &Loaded) {
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
}

#[test]
fn resource_and_data_blocks_become_resources() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket" "logs" {
  bucket     = "acme-logs"
  provider   = aws.west
  depends_on = [aws_kms_key.k]
  lifecycle {
    prevent_destroy = true
  }
}

data "aws_iam_policy_document" "tls" {
  statement {
    effect = "Deny"
  }
}
"#,
    );
    no_errors(&loaded);
    let b = resource(&loaded, "aws_s3_bucket.logs");
    assert_eq!(b.mode, Mode::Managed);
    assert_eq!(b.rtype, "aws_s3_bucket");
    assert_eq!(b.name, "logs");
    assert_eq!(b.provider, "aws");
    assert_eq!(b.module, "");
    assert_eq!(b.file, "infra/main.tf");
    assert_eq!(values(b), json!({"bucket": "acme-logs"}));
    assert!(b.unknown.is_empty() && b.refs.is_empty());

    let d = resource(&loaded, "data.aws_iam_policy_document.tls");
    assert_eq!(d.mode, Mode::Data);
    assert_eq!(d.rtype, "aws_iam_policy_document");
    assert_eq!(values(d), json!({"statement": [{"effect": "Deny"}]}));

    assert_eq!(loaded.module.path, "infra");
    assert_eq!(loaded.module.kind, ModuleKind::Terraform);
    assert_eq!(loaded.module.files, ["infra/main.tf"]);
}

#[test]
fn resources_come_in_file_then_source_order() {
    let (loaded, _) = load(&[
        (
            "infra/b.tf",
            "resource \"t_x\" \"b1\" {}\nresource \"t_x\" \"a1\" {}\n",
        ),
        ("infra/a.tf", "resource \"t_x\" \"z\" {}\n"),
        ("infra/README.md", "not terraform"),
        ("infra/prod.tfvars", "x = 1\n"),
    ]);
    let order: Vec<&str> = loaded
        .module
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(order, ["t_x.z", "t_x.b1", "t_x.a1"]);
    assert_eq!(loaded.module.files, ["infra/a.tf", "infra/b.tf"]);
}

#[test]
fn count_zero_removes_and_other_counts_keep_one_instance() {
    let loaded = load_one(
        r#"
variable "enabled" {
  default = false
}
resource "t_x" "off" {
  count = var.enabled ? 1 : 0
}
resource "t_x" "none" {
  for_each = {}
}
resource "t_x" "many" {
  count = 3
  name  = "n-${count.index}"
  fixed = "f"
}
resource "t_x" "each" {
  for_each = var.unset_map
  name     = each.key
  value    = each.value.id
}
"#,
    );
    no_errors(&loaded);
    let addresses: Vec<&str> = loaded
        .module
        .resources
        .iter()
        .map(|r| r.address.as_str())
        .collect();
    assert_eq!(addresses, ["t_x.many", "t_x.each"]);
    assert!(!loaded.module.source_map.resources.contains_key("t_x.off"));

    let many = resource(&loaded, "t_x.many");
    assert_eq!(values(many), json!({"fixed": "f"}));
    assert_eq!(many.unknown, ["name"]);
    let each = resource(&loaded, "t_x.each");
    assert_eq!(values(each), json!({}));
    assert_eq!(each.unknown, ["name", "value"]);
}

#[test]
fn nested_blocks_are_lists_in_source_order() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket_lifecycle_configuration" "l" {
  rule {
    id     = "first"
    status = "Enabled"
    expiration {
      days = 30
    }
  }
  bucket = "b"
  rule {
    id = "second"
  }
  versioning {
    enabled = true
  }
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "aws_s3_bucket_lifecycle_configuration.l");
    assert_eq!(
        values(r),
        json!({
            "rule": [
                {"id": "first", "status": "Enabled", "expiration": [{"days": 30}]},
                {"id": "second"}
            ],
            "bucket": "b",
            "versioning": [{"enabled": true}]
        })
    );
}

#[test]
fn dynamic_blocks_are_unknown_never_missing() {
    let loaded = load_one(
        r#"
resource "aws_security_group" "sg" {
  name = "sg"
  dynamic "ingress" {
    for_each = var.rules
    content {
      from_port   = ingress.value.port
      cidr_blocks = [aws_vpc.main.cidr_block]
    }
  }
  egress {
    dynamic "x" {
      for_each = []
      content {}
    }
  }
}
resource "aws_vpc" "main" {}
"#,
    );
    no_errors(&loaded);
    let sg = resource(&loaded, "aws_security_group.sg");
    assert_eq!(values(sg), json!({"name": "sg", "egress": [{}]}));
    assert_eq!(sg.unknown, ["egress[0].x", "ingress"]);
    assert_eq!(sg.refs["ingress"], ["aws_vpc.main"]);
}

#[test]
fn duplicate_attribute_is_an_error_and_the_first_is_kept() {
    let (loaded, files) = load(&[
        (
            "infra/main.tf",
            "resource \"aws_s3_bucket\" \"b\" {\n  acl = \"private\"\n  acl = \"public-read\"\n  tags = {}\n}\n",
        ),
        ("infra/other.tf", "resource \"t_x\" \"y\" {\n  a = 1\n}\n"),
    ]);
    assert_eq!(loaded.errors.len(), 1, "{:#?}", loaded.errors);
    let err = &loaded.errors[0];
    assert_eq!(err.location.file, "infra/main.tf");
    assert_eq!(err.location.start, Position { line: 3, column: 3 });
    assert!(err.message.contains("\"acl\""), "{}", err.message);
    assert!(err.help.is_some());
    let b = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(values(b), json!({"acl": "private", "tags": {}}));
    // The spans of what follows the duplicate are still true.
    let span = loaded.module.source_map.resources["aws_s3_bucket.b"].attributes["tags"];
    assert_eq!(files[0].locate(span).start, Position { line: 4, column: 3 });
    assert_eq!(values(resource(&loaded, "t_x.y")), json!({"a": 1}));
    // The parse-only API rejects the file, as Terraform does.
    assert!(parse(&files[0]).is_err());
}

#[test]
fn duplicates_in_nested_blocks_and_several_in_a_file() {
    let loaded = load_one(
        "resource \"t_x\" \"y\" {\n  a = 1\n  n {\n    b = 1\n    b = 2\n    b = 3\n  }\n  a = 2\n}\n",
    );
    assert_eq!(loaded.errors.len(), 3, "{:#?}", loaded.errors);
    let lines: Vec<usize> = loaded
        .errors
        .iter()
        .map(|e| e.location.start.line)
        .collect();
    assert_eq!(lines, [5, 6, 8]);
    assert_eq!(
        values(resource(&loaded, "t_x.y")),
        json!({"a": 1, "n": [{"b": 1}]})
    );
}

#[test]
fn duplicate_declarations_are_errors() {
    let loaded = load_one(
        r#"
resource "t_x" "y" {
  a = 1
}
resource "t_x" "y" {
  a = 2
}
locals {
  l = 1
}
locals {
  l = 2
}
resource "t_x" "z" {
  l = local.l
}
"#,
    );
    assert_eq!(loaded.errors.len(), 2, "{:#?}", loaded.errors);
    assert_eq!(loaded.errors[0].location.start.line, 5);
    assert_eq!(loaded.errors[1].location.start.line, 12);
    assert_eq!(values(resource(&loaded, "t_x.y")), json!({"a": 1}));
    assert_eq!(values(resource(&loaded, "t_x.z")), json!({"l": 1}));
}

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
            "first": "x", "name": "n", "team": "sec", "nothing": null
        })
    );
    assert_eq!(r.unknown, ["missing"]);
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
            "strip": "abc", "escaped": "quote \" and ${literal}",
            "heredoc": "line 3\n", "indented": "one\n  two\n",
            "fors": ["A"], "formap": {"a": 0, "b": 1}, "splat": [1, 2],
            "short": false, "anyway": "same"
        })
    );
    assert_eq!(r.unknown, ["badindex", "directive", "div0"]);
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
            "list": ["a"], "set": ["a", "b"], "decoded": {"k": [1, 2]}, "spread": ["a", "b"]
        })
    );
    assert_eq!(r.unknown, ["bad", "ns", "other"]);
}

#[test]
fn refs_join_split_resources() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}
resource "aws_kms_key" "k" {
  count = 1
}
data "aws_iam_policy_document" "tls" {}
locals {
  bucket_id = aws_s3_bucket.logs.id
  via       = local.bucket_id
}
resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
  bucket = aws_s3_bucket.logs.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.k[0].arn
    }
  }
}
resource "aws_s3_bucket_policy" "logs" {
  bucket = local.via
  policy = data.aws_iam_policy_document.tls.json
  other  = "${aws_s3_bucket.logs.arn}/*"
  both   = concat([aws_s3_bucket.logs.arn], [aws_kms_key.k[0].arn, aws_s3_bucket.logs.id])
  mod    = module.logs.bucket_id
  iter   = [for b in var.list : b.id]
}
"#,
    );
    no_errors(&loaded);
    let sse = resource(
        &loaded,
        "aws_s3_bucket_server_side_encryption_configuration.logs",
    );
    assert_eq!(sse.refs["bucket"], ["aws_s3_bucket.logs"]);
    assert_eq!(
        sse.refs["rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id"],
        ["aws_kms_key.k"]
    );
    assert_eq!(
        sse.unknown,
        [
            "bucket",
            "rule[0].apply_server_side_encryption_by_default[0].kms_master_key_id"
        ]
    );
    assert_eq!(
        values(sse),
        json!({"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]})
    );

    let policy = resource(&loaded, "aws_s3_bucket_policy.logs");
    assert_eq!(policy.refs["bucket"], ["aws_s3_bucket.logs"]);
    assert_eq!(policy.refs["policy"], ["data.aws_iam_policy_document.tls"]);
    assert_eq!(policy.refs["other"], ["aws_s3_bucket.logs"]);
    assert_eq!(policy.refs["both"], ["aws_s3_bucket.logs", "aws_kms_key.k"]);
    assert!(!policy.refs.contains_key("mod"));
    assert!(!policy.refs.contains_key("iter"));
    // concat of known-length lists is a known list of unknown elements.
    assert_eq!(
        policy.unknown,
        ["both[0]", "both[1]", "both[2]", "bucket", "iter", "mod", "other", "policy"]
    );
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
fn jsonencode_known_is_terraforms_string() {
    let loaded = load_one(
        r#"
resource "aws_iam_policy" "p" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*"], Resource = "*" }]
  })
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "aws_iam_policy.p");
    assert_eq!(
        r.values["policy"],
        r#"{"Statement":[{"Action":["s3:*"],"Effect":"Allow","Resource":"*"}],"Version":"2012-10-17"}"#
    );
    assert!(r.unknown.is_empty());
}

#[test]
fn jsonencode_partly_known_keeps_the_structure() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket_policy" "p" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Deny"
      Action   = "s3:*"
      Resource = ["arn:aws:s3:::fixed", aws_s3_bucket.b.arn]
      Principal = { AWS = var.principal }
    }]
  })
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "aws_s3_bucket_policy.p");
    assert_eq!(
        r.values["policy"],
        json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Deny", "Action": "s3:*",
                "Resource": ["arn:aws:s3:::fixed", null],
                "Principal": {}
            }]
        })
    );
    assert_eq!(
        r.unknown,
        [
            "policy.Statement[0].Principal.AWS",
            "policy.Statement[0].Resource[1]"
        ]
    );
    assert_eq!(r.refs["policy"], ["aws_s3_bucket.b"]);
}

#[test]
fn heredoc_json_with_interpolations_stays_readable() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket" "b" {}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": "*",
      "Action": "s3:GetObject",
      "Resource": "${aws_s3_bucket.b.arn}/*",
      "Count": ${var.count}
    }
  ]
}
EOF
  known = <<EOF
{"a": "${"x"}"}
EOF
  not_json = "arn:${aws_s3_bucket.b.arn}"
  broken   = <<EOF
{ "a": ${aws_s3_bucket.b.arn} ]
EOF
}
"#,
    );
    no_errors(&loaded);
    let r = resource(&loaded, "aws_s3_bucket_policy.p");
    assert_eq!(
        r.values["policy"],
        json!({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}]
        })
    );
    assert_eq!(r.values["known"], "{\"a\": \"x\"}\n");
    assert!(!r.values.contains_key("not_json"));
    assert!(!r.values.contains_key("broken"));
    assert_eq!(
        r.unknown,
        [
            "broken",
            "bucket",
            "not_json",
            "policy.Statement[0].Count",
            "policy.Statement[0].Resource"
        ]
    );
    assert_eq!(r.refs["policy"], ["aws_s3_bucket.b"]);
}

#[test]
fn source_map_spans() {
    let text = r#"resource "aws_s3_bucket" "logs" {
  bucket = "logs"
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
  policy = jsonencode({
    Statement = [
      {
        Action = "*"
      },
    ]
  })
}
"#;
    let (loaded, files) = load(&[("infra/main.tf", text)]);
    no_errors(&loaded);
    let file = &files[0];
    let spans = &loaded.module.source_map.resources["aws_s3_bucket.logs"];
    assert_eq!(spans.file, "infra/main.tf");
    let at = |span| {
        let loc = file.locate(span);
        (
            loc.start.line,
            loc.start.column,
            loc.end.line,
            loc.end.column,
        )
    };
    assert_eq!(at(spans.header), (1, 1, 1, 32));
    assert_eq!(
        &text[spans.header.start..spans.header.end],
        "resource \"aws_s3_bucket\" \"logs\""
    );
    assert_eq!(at(spans.block), (1, 1, 17, 2));
    assert_eq!(at(spans.attributes["bucket"]), (2, 3, 2, 18));
    assert_eq!(
        at(spans.attributes["server_side_encryption_configuration[0]"]),
        (3, 3, 3, 39)
    );
    assert_eq!(
        at(spans.attributes["server_side_encryption_configuration[0].rule[0]"]),
        (4, 5, 4, 9)
    );
    let sse = "server_side_encryption_configuration[0].rule[0].apply_server_side_encryption_by_default[0].sse_algorithm";
    assert_eq!(at(spans.attributes[sse]), (6, 9, 6, 34));
    assert_eq!(at(spans.attributes["policy"]), (10, 3, 16, 5));
    assert_eq!(at(spans.attributes["policy.Statement"]), (11, 5, 15, 6));
    assert_eq!(at(spans.attributes["policy.Statement[0]"]), (12, 7, 14, 8));
    assert_eq!(
        at(spans.attributes["policy.Statement[0].Action"]),
        (13, 9, 13, 21)
    );

    // Locating a finding on a path inside an unrecorded leaf falls back to its parent.
    let (_, span) = loaded
        .module
        .source_map
        .locate(
            "aws_s3_bucket.logs",
            &AttrPath::parse("policy.Statement[0].Action").to_string(),
        )
        .unwrap();
    assert_eq!(at(span), (13, 9, 13, 21));
}

#[test]
fn parse_error_is_located_and_other_files_still_load() {
    let (loaded, files) = load(&[
        (
            "infra/bad.tf",
            "resource \"t_x\" \"a\" {\n  a = 1\n  b = \n}\n",
        ),
        ("infra/good.tf", "resource \"t_x\" \"b\" {}\n"),
    ]);
    assert_eq!(loaded.errors.len(), 1);
    let err = &loaded.errors[0];
    assert_eq!(err.location.file, "infra/bad.tf");
    assert_eq!(err.location.start.line, 3);
    assert!(
        err.message.starts_with("HCL syntax error: "),
        "{}",
        err.message
    );
    assert!(!err.message.contains('\n'));
    assert!(err.help.as_deref().unwrap().contains("not scan"));
    assert_eq!(loaded.module.resources.len(), 1);
    assert_eq!(loaded.module.resources[0].address, "t_x.b");
    assert_eq!(loaded.module.files, ["infra/good.tf"]);

    let direct = parse(&files[0]).unwrap_err();
    assert_eq!(direct.location, err.location);
    assert!(parse(&files[1]).is_ok());
}

#[test]
fn unclosed_block_error_points_at_its_end() {
    let file = SourceFile::new("m.tf", "resource \"t_x\" \"a\" {\n  a = 1\n");
    let err = parse(&file).unwrap_err();
    // The parser reports the end of the input as just past the last line's end.
    assert_eq!(err.location.start, Position { line: 2, column: 9 });
    assert!(err.message.contains("expected"), "{}", err.message);
}

#[test]
fn byte_order_mark_is_accepted() {
    let loaded = load_one("\u{feff}resource \"t_x\" \"a\" {\n  a = 1\n}\n");
    no_errors(&loaded);
    assert_eq!(values(resource(&loaded, "t_x.a")), json!({"a": 1}));
}

#[test]
fn block_with_wrong_labels_is_an_error() {
    let loaded = load_one("resource \"t_x\" {\n}\nresource \"t_x\" \"ok\" {}\n");
    assert_eq!(loaded.errors.len(), 1);
    assert_eq!(loaded.module.resources.len(), 1);
}

#[test]
fn other_blocks_are_not_resources() {
    let loaded = load_one(
        r#"
terraform {
  required_version = ">= 1.5"
}
provider "aws" {
  region = "eu-west-1"
}
module "logs" {
  source = "./modules/logs"
}
output "id" {
  value = module.logs.id
}
resource "t_x" "y" {
  from_module = module.logs.id
}
"#,
    );
    no_errors(&loaded);
    assert_eq!(loaded.module.resources.len(), 1);
    assert_eq!(resource(&loaded, "t_x.y").unknown, ["from_module"]);
}

/// A small deterministic generator: no dependency, and a failure reproduces.
fn lcg(seed: &mut u64) -> u64 {
    *seed = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    *seed >> 33
}

#[test]
fn garbage_and_truncated_input_never_panics() {
    let fixture = include_str!("../../../testdata/loader/terraform/split_s3/main.tf");
    let mut inputs: Vec<String> = Vec::new();
    // Every prefix of a real file, cut at each character boundary.
    for (i, _) in fixture.char_indices() {
        inputs.push(fixture[..i].to_string());
    }
    let alphabet: Vec<char> = "{}[]()\"'$%~<>=!?:,.*/\\#-+\n \t0123456789abcdefxyz_é\u{0}\u{feff}"
        .chars()
        .collect();
    let mut seed = 7;
    for _ in 0..2000 {
        let len = (lcg(&mut seed) % 80) as usize;
        inputs.push(
            (0..len)
                .map(|_| alphabet[(lcg(&mut seed) as usize) % alphabet.len()])
                .collect(),
        );
    }
    // Mutations of the fixture: one character replaced.
    for _ in 0..500 {
        let mut chars: Vec<char> = fixture.chars().collect();
        let at = (lcg(&mut seed) as usize) % chars.len();
        chars[at] = alphabet[(lcg(&mut seed) as usize) % alphabet.len()];
        inputs.push(chars.into_iter().collect());
    }
    inputs.push("a = 1\na = 2\na = 3\n".into());
    inputs.push("x = \"é".into());
    inputs.push(
        "locals {\n a = [for x in local.a : x]\n}\nresource \"t\" \"n\" {\n v = local.a\n}\n"
            .into(),
    );
    for input in &inputs {
        let file = SourceFile::new("infra/main.tf", input.as_str());
        let _ = parse(&file);
        let loaded = load_module("infra", &[&file]);
        for err in &loaded.errors {
            assert_eq!(err.location.file, "infra/main.tf");
            assert!(err.location.span.end <= input.len());
        }
    }
}

#[test]
fn long_local_chains_do_not_exhaust_the_stack() {
    let mut text = String::from("locals {\n");
    for i in 0..2000 {
        text.push_str(&format!("  l{i} = local.l{}\n", i + 1));
    }
    text.push_str("  l2000 = \"end\"\n}\nresource \"t_x\" \"y\" {\n  v = local.l0\n}\n");
    let loaded = load_one(&text);
    // Declaration order evaluates l0 first, which has to walk the whole chain.
    let r = resource(&loaded, "t_x.y");
    assert!(r.values.contains_key("v") || r.unknown == ["v"]);
}
