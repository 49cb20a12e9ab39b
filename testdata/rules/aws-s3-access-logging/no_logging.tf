# soc2gate-doc: failing example
# A bucket without server access logging.
resource "aws_s3_bucket" "exports" { # expect: aws-s3-access-logging
  bucket = "acme-exports"
}

# The logging resource below belongs to another bucket, and its target is a bucket of
# another stack: neither makes this bucket logged or a log target.
resource "aws_s3_bucket" "reports" { # expect: aws-s3-access-logging
  bucket = "acme-reports"
}

resource "aws_s3_bucket" "archive" {
  bucket = "acme-reports-archive"
}

resource "aws_s3_bucket_logging" "archive" {
  bucket = aws_s3_bucket.archive.id

  target_bucket = "acme-central-access-logs"
  target_prefix = "archive/"
}
