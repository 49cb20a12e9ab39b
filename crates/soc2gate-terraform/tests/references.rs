//! References between resources, and JSON policy documents.

mod common;

use common::*;

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
        ["aws_kms_key.k[0]"]
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
    // The document is rendered (known), and still referenced.
    assert_eq!(policy.refs["policy"], ["data.aws_iam_policy_document.tls"]);
    assert!(policy.values["policy"]
        .as_str()
        .unwrap()
        .contains("2012-10-17"));
    assert_eq!(policy.refs["other"], ["aws_s3_bucket.logs"]);
    assert_eq!(
        policy.refs["both"],
        ["aws_s3_bucket.logs", "aws_kms_key.k[0]"]
    );
    assert!(!policy.refs.contains_key("mod"));
    assert!(!policy.refs.contains_key("iter"));
    // concat of known-length lists is a known list of unknown elements.
    assert_eq!(
        policy.unknown,
        ["both[0]", "both[1]", "both[2]", "bucket", "iter", "mod", "other"]
    );
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
fn a_resource_is_a_value_whose_instances_are_known_by_key() {
    let loaded = load_one(
        r#"
resource "aws_s3_bucket" "by_key" {
  for_each = { raw = "acme-raw", curated = "acme-curated" }
  bucket   = each.value
}
resource "aws_s3_bucket" "by_count" {
  count = 3
}
resource "aws_s3_bucket" "single" {}
resource "aws_s3_bucket" "itself" {
  for_each = aws_s3_bucket.itself
}
resource "t_probe" "p" {
  keys      = keys(aws_s3_bucket.by_key)
  counted   = length(aws_s3_bucket.by_count)
  one       = aws_s3_bucket.by_count[1].arn
  single    = aws_s3_bucket.single
  past_end  = try(aws_s3_bucket.by_count[7].arn, "no such instance")
}
"#,
    );
    no_errors(&loaded);
    let p = resource(&loaded, "t_probe.p");
    assert_eq!(
        values(p),
        json!({"keys": ["curated", "raw"], "counted": 3, "past_end": "no such instance"})
    );
    // Attributes of an instance wait for the apply.
    assert_eq!(p.unknown, ["one", "single"]);
    // A resource whose `for_each` names itself has unknown instances, and no panic.
    assert!(loaded
        .module
        .resources
        .iter()
        .any(|r| r.address == "aws_s3_bucket.itself"));
}
