# soc2gate-test: no findings
# The logging resource's bucket comes from a variable without a default. It may be this
# bucket's, so the bucket is not reported.
variable "bucket_id" {
  type = string
}

resource "aws_s3_bucket" "uploads" { # expect-undetermined: aws-s3-access-logging
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket = var.bucket_id

  target_bucket = "acme-central-access-logs"
  target_prefix = "uploads/"
}
