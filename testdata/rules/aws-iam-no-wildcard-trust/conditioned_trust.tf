# soc2gate-test: no findings
# Named principals, and a broad principal restricted by a condition, are fine.
resource "aws_iam_role" "vendor" {
  name = "vendor-audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "*" }
        Condition = {
          StringEquals = { "sts:ExternalId" = "acme-7f3c9a" }
        }
      },
    ]
  })
}

data "aws_iam_policy_document" "organization" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "organization_reader" {
  name               = "organization-reader"
  assume_role_policy = data.aws_iam_policy_document.organization.json
}

resource "aws_iam_role" "ec2" {
  name = "ec2-app"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { Service = "ec2.amazonaws.com" }
      },
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" }
      },
    ]
  })
}

# Everyone is denied: a Deny with principal "*" is not a grant.
resource "aws_iam_role" "locked" {
  name = "locked"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "sts:AssumeRole"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
      },
      {
        Effect    = "Deny"
        Action    = "sts:AssumeRole"
        Principal = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}
