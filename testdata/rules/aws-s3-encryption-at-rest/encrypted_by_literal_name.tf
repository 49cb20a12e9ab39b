# soc2gate-test: no findings
# The encryption configuration names the bucket with the same literal instead of a
# reference.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-encrypted-by-name"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "by_name" {
  bucket = "acme-encrypted-by-name"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "by_name" {
  bucket = "acme-encrypted-by-name"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-encrypted-by-name", "arn:aws:s3:::acme-encrypted-by-name/*"]
        Condition = { Bool = { "aws:SecureTransport" = false } }
      },
    ]
  })
}
