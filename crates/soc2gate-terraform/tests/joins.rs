//! What joins a split resource to its bucket when values are unknown: references to one
//! instance, the canonical text of unknown expressions; and what the loader says about
//! references Terraform would reject, and about nulls.

mod common;

use std::collections::BTreeMap;

use common::*;
use soc2gate_terraform::{load_modules, LoadOptions};

#[test]
fn a_reference_with_a_known_index_names_that_instance() {
    let loaded = load_one(
        r#"
variable "unknown_key" {
  type = string
}
resource "aws_s3_bucket" "b" {
  for_each = toset(["logs", "data"])
  bucket   = "acme-${each.key}"
}
resource "aws_s3_bucket" "c" {
  count  = 2
  bucket = "acme-c-${count.index}"
}
resource "aws_s3_bucket" "unknown_count" {
  count = length(var.unknown_key)
}
resource "aws_s3_bucket_versioning" "each" {
  for_each = toset(["logs"])
  bucket   = aws_s3_bucket.b[each.key].id
}
resource "aws_s3_bucket_versioning" "literal" {
  bucket = aws_s3_bucket.b["data"].id
}
resource "aws_s3_bucket_versioning" "count" {
  count  = 1
  bucket = aws_s3_bucket.c[count.index].arn
}
resource "aws_s3_bucket_versioning" "legacy" {
  bucket = aws_s3_bucket.c.1.arn
}
resource "aws_s3_bucket_versioning" "all" {
  bucket = aws_s3_bucket.b[var.unknown_key].id
  other  = aws_s3_bucket.b["missing"].id
  splat  = aws_s3_bucket.c[*].id
  shape  = aws_s3_bucket.unknown_count[0].id
}
"#,
    );
    no_errors(&loaded);
    let refs = |address: &str, attribute: &str| resource(&loaded, address).refs[attribute].clone();
    assert_eq!(
        refs("aws_s3_bucket_versioning.each[\"logs\"]", "bucket"),
        ["aws_s3_bucket.b[\"logs\"]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.literal", "bucket"),
        ["aws_s3_bucket.b[\"data\"]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.count[0]", "bucket"),
        ["aws_s3_bucket.c[0]"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.legacy", "bucket"),
        ["aws_s3_bucket.c[1]"]
    );
    // An unknown key, a key the resource does not have, a splat, a resource whose
    // instances are unknown: every instance.
    assert_eq!(
        refs("aws_s3_bucket_versioning.all", "bucket"),
        ["aws_s3_bucket.b"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.all", "other"),
        ["aws_s3_bucket.b"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.all", "splat"),
        ["aws_s3_bucket.c"]
    );
    assert_eq!(
        refs("aws_s3_bucket_versioning.all", "shape"),
        ["aws_s3_bucket.unknown_count"]
    );
}

#[test]
fn unknown_values_carry_the_canonical_text_of_their_expression() {
    let loaded = load_one(
        r#"
variable "name" {
  type = string
}
variable "names" {
  type = set(string)
}
locals {
  prefix = var.name
}
resource "aws_s3_bucket" "b" {
  bucket = var.name
  tags = {
    Name = "${local.prefix}-b"
  }
  known = "x"
  object_lock_enabled = var.name == /* a comment */ "x"
}
resource "aws_s3_bucket_versioning" "v" {
  bucket = var.name
  template = "${ local.prefix }-b"
}
resource "aws_s3_bucket_versioning" "each" {
  for_each = var.names
  bucket   = each.key
  listed   = [for n in var.names : upper(n)]
}
"#,
    );
    no_errors(&loaded);
    let b = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(b.expressions["bucket"], "var.name");
    // Whole unknown attribute values only; layout and comments do not count.
    assert!(!b.expressions.contains_key("known"));
    assert!(!b.expressions.contains_key("tags"));
    assert!(!b.expressions.contains_key("tags.Name"));
    assert_eq!(b.expressions["object_lock_enabled"], "var.name==\"x\"");
    let v = resource(&loaded, "aws_s3_bucket_versioning.v");
    assert_eq!(v.expressions["bucket"], "var.name");
    assert_eq!(v.expressions["template"], "\"${local.prefix}-b\"");
    // `each.key` differs from instance to instance; `for` variables are the
    // expression's own.
    let each = resource(&loaded, "aws_s3_bucket_versioning.each");
    assert!(!each.expressions.contains_key("bucket"));
    assert_eq!(each.expressions["listed"], "[for n in var.names:upper(n)]");
}

#[test]
fn expressions_in_two_module_instances_never_match() {
    let sources = [
        SourceFile::new(
            "root/main.tf",
            r#"
variable "a" {
  type = string
}
module "one" {
  source = "../bucket"
  name   = var.a
}
module "two" {
  source   = "../bucket"
  for_each = toset(["x"])
  name     = var.a
}
"#,
        ),
        SourceFile::new(
            "bucket/main.tf",
            r#"
variable "name" {
  type = string
}
resource "aws_s3_bucket" "this" {
  bucket = var.name
}
"#,
        ),
    ];
    let mut dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    dirs.insert("root".into(), vec![&sources[0]]);
    dirs.insert("bucket".into(), vec![&sources[1]]);
    let loaded = load_modules(&dirs, &LoadOptions::default());
    assert_eq!(loaded.len(), 1);
    let one = resource(&loaded[0], "module.one.aws_s3_bucket.this");
    let two = resource(&loaded[0], "module.two[\"x\"].aws_s3_bucket.this");
    assert_eq!(one.expressions["bucket"], "module.one: var.name");
    assert_eq!(two.expressions["bucket"], "module.two[\"x\"]: var.name");
}

#[test]
fn nulls_are_unset_and_not_unknown() {
    let loaded = load_one(
        r#"
variable "kms_key" {
  type    = string
  default = null
}
resource "aws_s3_bucket" "b" {
  bucket              = "acme"
  object_lock_enabled = null
  acl                 = var.kms_key
  tags                = { a = null, b = "x" }
  list                = [null, "x"]
  policy = jsonencode({
    Statement = [{ Effect = "Allow", NotAction = null, Action = "s3:GetObject" }]
  })
}
"#,
    );
    no_errors(&loaded);
    let b = resource(&loaded, "aws_s3_bucket.b");
    assert_eq!(
        values(b),
        json!({
            "bucket": "acme",
            "tags": {"b": "x"},
            "list": [null, "x"],
            "policy": r#"{"Statement":[{"Action":"s3:GetObject","Effect":"Allow","NotAction":null}]}"#,
        })
    );
    assert!(b.unknown.is_empty(), "{:?}", b.unknown);
}

#[test]
fn references_to_undeclared_names_are_warnings_at_their_place() {
    let sources = [
        SourceFile::new(
            "root/main.tf",
            r#"variable "declared" {
  default = "x"
}
locals {
  ok = [for r in var.rules : r.id if r.enabled]
}
resource "aws_ebs_volume" "v" {
  encrypted = False
  size      = var.missing
  type      = local.missing
  tags      = { Name = aws_s3_bucket.missing.id, Other = data.aws_caller_identity.me.account_id }
  iops      = module.missing.iops
  kms       = module.bucket.no_such_output
  fine      = module.bucket.arn
  dynamic "ebs" {
    for_each = var.declared
    content {
      name = ebs.value
    }
  }
  lifecycle {
    ignore_changes = [tags]
  }
}
resource "aws_s3_bucket" "b" {
  count  = 1
  bucket = "${var.declared}-${count.index}-${path.module}-${terraform.workspace}"
  policy = jsonencode({ Effect = "Allow" })
}
module "bucket" {
  source = "../bucket"
}
"#,
        ),
        SourceFile::new(
            "bucket/main.tf",
            r#"output "arn" {
  value = "x"
}
"#,
        ),
    ];
    let mut dirs: BTreeMap<String, Vec<&SourceFile>> = BTreeMap::new();
    dirs.insert("root".into(), vec![&sources[0]]);
    dirs.insert("bucket".into(), vec![&sources[1]]);
    let loaded = load_modules(&dirs, &LoadOptions::default());
    assert_eq!(loaded.len(), 1);
    no_errors(&loaded[0]);
    let warnings: Vec<(usize, String)> = loaded[0]
        .warnings
        .iter()
        .map(|w| (w.location.start.line, w.message.clone()))
        .collect();
    let suffix = ": Terraform rejects this; the value was treated as unknown";
    let expected: Vec<(usize, String)> = [
        (5, "var.rules is not declared in this module"),
        (8, "`False` is not a value or a reference"),
        (9, "var.missing is not declared in this module"),
        (10, "local.missing is not defined in this module"),
        (11, "aws_s3_bucket.missing is not declared in this module"),
        (
            11,
            "data.aws_caller_identity.me is not declared in this module",
        ),
        (12, "module.missing is not declared in this module"),
        (13, "module.bucket has no output \"no_such_output\""),
    ]
    .into_iter()
    .map(|(l, m)| (l, format!("{m}{suffix}")))
    .collect();
    assert_eq!(warnings, expected);
    // The values stay unknown.
    let v = resource(&loaded[0], "aws_ebs_volume.v");
    assert!(v.unknown.contains(&"encrypted".to_string()));
    assert!(!v.values.contains_key("encrypted"));
}
