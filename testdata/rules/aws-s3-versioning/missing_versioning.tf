# soc2gate-doc: failing example
# A bucket with no versioning: neither an inline block nor an aws_s3_bucket_versioning.
resource "aws_s3_bucket" "exports" { # expect: aws-s3-versioning
  bucket = "acme-exports"
}

# The versioning resource below belongs to another bucket; it does not count.
resource "aws_s3_bucket" "reports" { # expect: aws-s3-versioning
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "archive" {
  bucket = "acme-reports-archive"
}

resource "aws_s3_bucket_versioning" "archive" {
  bucket = aws_s3_bucket.archive.id

  versioning_configuration {
    status = "Enabled"
  }
}
