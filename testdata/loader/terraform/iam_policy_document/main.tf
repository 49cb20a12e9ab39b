# aws_iam_policy_document rendered as the AWS provider renders it.
resource "aws_s3_bucket" "b" {
  bucket = "acme"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "ReadOnly"
    actions   = ["s3:ListBucket", "s3:GetObject"]
    resources = ["arn:aws:s3:::acme", "arn:aws:s3:::acme/*"]
  }
  statement {
    sid     = "Replaced"
    effect  = "Allow"
    actions = ["s3:*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "tls" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    sid     = "Replaced"
    effect  = "Deny"
    actions = ["s3:*"]
    not_resources = ["arn:aws:s3:::public/*"]
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

  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-1", "o-2"]
    }
  }
}

data "aws_iam_policy_document" "override" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "ReadOnly", Effect = "Deny", Action = ["s3:GetObject"], Resource = ["*"] }]
  })]
}

# Partly unknown: a statement's resource comes from another resource.
data "aws_iam_policy_document" "partial" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*", "arn:aws:s3:::fixed"]
  }
}

# Unknown statements: the document is unknown.
data "aws_iam_policy_document" "unknown" {
  source_policy_documents = [var.external_json]
}

variable "external_json" {}

resource "aws_s3_bucket_policy" "tls" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.tls.json
}

resource "aws_iam_policy" "override" {
  policy = data.aws_iam_policy_document.override.minified_json
}

resource "aws_iam_policy" "partial" {
  policy = data.aws_iam_policy_document.partial.json
}

resource "aws_iam_policy" "unknown" {
  policy = data.aws_iam_policy_document.unknown.json
}

# Sources with unknown parts still merge: the statements are known, some leaves are not.
data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([
    data.aws_iam_policy_document.partial.json,
    "",
    data.aws_iam_policy_document.tls.json,
  ])
}

resource "aws_s3_bucket_policy" "combined" {
  bucket = aws_s3_bucket.b.id
  policy = data.aws_iam_policy_document.combined.json
}
