# soc2gate-test: no findings
# The denial lives in a shared document merged into the bucket's policy.
locals {
  bucket_name = "acme-merged"
}

resource "aws_s3_bucket" "merged" {
  bucket = local.bucket_name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "merged" {
  bucket = aws_s3_bucket.merged.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "tls_only" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::${local.bucket_name}", "arn:aws:s3:::${local.bucket_name}/*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.tls_only.json]

  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::${local.bucket_name}/*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "merged" {
  bucket = aws_s3_bucket.merged.id
  policy = data.aws_iam_policy_document.merged.json
}
