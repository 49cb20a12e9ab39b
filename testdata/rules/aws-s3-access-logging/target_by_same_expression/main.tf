# The log bucket and the target are the same unknown expression, `var.log_bucket`: the
# log bucket is exempt as the target, and the target is placed, so it exempts no other
# bucket, not even one whose name is unknown too.
variable "log_bucket" {
  type = string
}

variable "uploads_name" {
  type = string
}

resource "aws_s3_bucket" "logs" {
  bucket = var.log_bucket
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket_logging" "data" {
  bucket = aws_s3_bucket.data.id

  target_bucket = var.log_bucket
  target_prefix = "data/"
}

resource "aws_s3_bucket" "uploads" { # expect: aws-s3-access-logging
  bucket = var.uploads_name
}
