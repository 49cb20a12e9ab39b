# soc2gate-test: no findings
# The policy comes from a variable without a default: the rule cannot read it and stays
# silent.
variable "bucket_policy_json" {
  type = string
}

resource "aws_s3_bucket" "configured" { # expect-undetermined: aws-s3-tls-only
  bucket = "acme-configured"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "configured" {
  bucket = aws_s3_bucket.configured.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "configured" {
  bucket = aws_s3_bucket.configured.id
  policy = var.bucket_policy_json
}
