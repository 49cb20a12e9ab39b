# AWS provider v3 style inline versioning that leaves it off.
resource "aws_s3_bucket" "legacy" {
  bucket = "acme-legacy"

  versioning {
    enabled = false # expect: aws-s3-versioning
  }
}

# `enabled` defaults to false: the block alone does not enable versioning.
resource "aws_s3_bucket" "legacy_mfa" {
  bucket = "acme-legacy-mfa"

  versioning { # expect: aws-s3-versioning
    mfa_delete = false
  }
}
