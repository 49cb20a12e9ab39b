# soc2gate-doc: failing example
# A bucket with a bucket policy but no encryption configuration: nothing declares how
# its objects are encrypted at rest.
resource "aws_s3_bucket" "unencrypted" { # expect: aws-s3-encryption-at-rest
  bucket = "acme-unencrypted-exports"
}

resource "aws_s3_bucket_policy" "unencrypted" {
  bucket = aws_s3_bucket.unencrypted.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.unencrypted.arn, "${aws_s3_bucket.unencrypted.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

# The encryption configuration below belongs to another bucket; it does not count.
resource "aws_s3_bucket" "reports" { # expect: aws-s3-encryption-at-rest
  bucket = "acme-reports"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-reports", "arn:aws:s3:::acme-reports/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket" "archive" {
  bucket = "acme-reports-archive"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-reports-archive", "arn:aws:s3:::acme-reports-archive/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  bucket = aws_s3_bucket.archive.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}
