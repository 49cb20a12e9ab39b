# The bucket and its versioning name the bucket by the same unknown expression,
# `var.name`: they are joined, so the versioning covers that bucket only and the other
# bucket of the module is reported.
variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = var.name

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket" "replica" { # expect: aws-s3-versioning
  bucket = "${var.name}-replica"
}
