# soc2gate-test: no findings
# No bucket-level public access block: the account-level block in ../account covers them.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}

resource "aws_s3_bucket" "reports" {
  bucket = "acme-reports"
}

# Even a bucket-level block with a flag off is covered.
resource "aws_s3_bucket_public_access_block" "reports" {
  bucket = aws_s3_bucket.reports.id

  block_public_acls       = true
  block_public_policy     = false
  ignore_public_acls      = true
  restrict_public_buckets = true
}
