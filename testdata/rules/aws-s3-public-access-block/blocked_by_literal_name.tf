# soc2gate-test: no findings
# The public access block names the bucket with the same literal instead of a reference.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-blocked-by-name"
}

resource "aws_s3_bucket_public_access_block" "by_name" {
  bucket = "acme-blocked-by-name"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
