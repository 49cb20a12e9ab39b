# An encrypted bucket without any bucket policy: S3 accepts plain HTTP requests.
resource "aws_s3_bucket" "no_policy" { # expect: aws-s3-tls-only
  bucket = "acme-no-policy"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}
