//! Resource and data blocks, meta-arguments, nested and dynamic blocks, declarations.

mod common;

use common::*;

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
    // The provider renders the document; soc2gate does the same statically.
    assert_eq!(
        values(d),
        json!({
            "statement": [{"effect": "Deny"}],
            "json": "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Deny\"\n    }\n  ]\n}",
            "minified_json": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\"}]}"
        })
    );

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
fn count_zero_removes_known_counts_expand_unknown_ones_stay_single() {
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
    assert_eq!(
        addresses,
        ["t_x.many[0]", "t_x.many[1]", "t_x.many[2]", "t_x.each"]
    );
    assert!(!loaded.module.source_map.resources.contains_key("t_x.off"));

    let many = resource(&loaded, "t_x.many[2]");
    assert_eq!(values(many), json!({"name": "n-2", "fixed": "f"}));
    assert!(many.unknown.is_empty());
    // Every instance points at the same block.
    let spans = &loaded.module.source_map.resources;
    assert_eq!(spans["t_x.many[0]"], spans["t_x.many[2]"]);
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
fn dynamic_blocks_with_unknown_collections_are_unknown_never_missing() {
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
    // A known empty collection makes no block; an unknown one, an unknown list.
    assert_eq!(values(sg), json!({"name": "sg", "egress": [{}]}));
    assert_eq!(sg.unknown, ["ingress"]);
    assert_eq!(sg.refs["ingress"], ["aws_vpc.main"]);
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
