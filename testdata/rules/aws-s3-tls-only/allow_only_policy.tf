# A bucket policy that only grants access denies nothing, so insecure transport is
# still allowed.
resource "aws_s3_bucket" "shared" { # expect: aws-s3-tls-only
  bucket = "acme-shared"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PartnerRead"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = ["s3:GetObject", "s3:ListBucket"]
        Resource  = ["arn:aws:s3:::acme-shared", "arn:aws:s3:::acme-shared/*"]
      },
    ]
  })
}
