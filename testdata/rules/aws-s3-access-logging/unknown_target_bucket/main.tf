# The log target comes from a variable without a default. A bucket whose own name is
# unknown may be that target (a log bucket), so it is not reported; a bucket with a known
# name is not exempted by it.
variable "log_bucket" {
  type = string
}

variable "staging_name" {
  type = string
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket = aws_s3_bucket.data.id

  target_bucket = var.log_bucket
  target_prefix = "data/"
}

resource "aws_s3_bucket" "staging" { # expect-undetermined: aws-s3-access-logging
  bucket = var.staging_name
}

resource "aws_s3_bucket" "scratch" { # expect: aws-s3-access-logging
  bucket = "acme-scratch"
}
