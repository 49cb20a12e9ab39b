# soc2gate-test: no findings
# The log target comes from a variable without a default: the "scratch" bucket may be
# that target (a log bucket), so it is not reported.
variable "log_bucket" {
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

resource "aws_s3_bucket" "scratch" { # expect-undetermined: aws-s3-access-logging
  bucket = "acme-scratch"
}
