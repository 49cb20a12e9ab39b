# soc2gate-test: no findings
# AWS provider v3 style: logging inside the bucket, into a log bucket of the module.
resource "aws_s3_bucket" "inline_logs" {
  bucket = "acme-inline-logs"
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "inline" {
  bucket = "acme-inline-logged"

  logging {
    target_bucket = aws_s3_bucket.inline_logs.id
    target_prefix = "inline/"
  }
}
