# soc2gate-test: no findings
# Object Lock keeps versioning on: AWS enables it with the lock and never lets it be
# suspended, so these buckets need no versioning resource.
resource "aws_s3_bucket" "records" {
  bucket              = "acme-records"
  object_lock_enabled = true
}

resource "aws_s3_bucket" "ledger" {
  bucket = "acme-ledger"
}

resource "aws_s3_bucket_object_lock_configuration" "ledger" {
  bucket = aws_s3_bucket.ledger.id

  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 365
    }
  }
}

# AWS provider v3 style.
resource "aws_s3_bucket" "journal" {
  bucket = "acme-journal"

  object_lock_configuration {
    object_lock_enabled = "Enabled"
  }
}
