# soc2gate-doc: failing example
# A bucket without a public access block, and no account-level block in the scan.
resource "aws_s3_bucket" "exports" { # expect: aws-s3-public-access-block
  bucket = "acme-exports"
}

# The public access block below belongs to another bucket; it does not count.
resource "aws_s3_bucket" "reports" { # expect: aws-s3-public-access-block
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "archive" {
  bucket = "acme-reports-archive"
}

resource "aws_s3_bucket_public_access_block" "archive" {
  bucket = aws_s3_bucket.archive.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
