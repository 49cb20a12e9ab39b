# soc2gate-test: no findings
# AWS provider v3 style: versioning enabled inside the bucket.
resource "aws_s3_bucket" "inline" {
  bucket = "acme-inline-versioned"

  versioning {
    enabled = true
  }
}
