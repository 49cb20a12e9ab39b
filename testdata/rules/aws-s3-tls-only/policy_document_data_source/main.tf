# A policy built with data.aws_iam_policy_document: one bucket has the denial, the other
# only grants reads.
resource "aws_s3_bucket" "documented" {
  bucket = "acme-documented"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "documented" {
  bucket = aws_s3_bucket.documented.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "documented" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.documented.arn,
      "${aws_s3_bucket.documented.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "documented" {
  bucket = aws_s3_bucket.documented.id
  policy = data.aws_iam_policy_document.documented.json
}

resource "aws_s3_bucket" "read_only" { # expect: aws-s3-tls-only
  bucket = "acme-read-only"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "read_only" {
  bucket = aws_s3_bucket.read_only.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

data "aws_iam_policy_document" "read_only" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.read_only.arn}/*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

resource "aws_s3_bucket_policy" "read_only" {
  bucket = aws_s3_bucket.read_only.id
  policy = data.aws_iam_policy_document.read_only.json
}
