# Deny statements that look right but do not cover every insecure request.

# Only the objects are covered, not the bucket itself.
resource "aws_s3_bucket" "objects_only" { # expect: aws-s3-tls-only
  bucket = "acme-objects-only"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "arn:aws:s3:::acme-objects-only/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

# Only one principal is denied.
resource "aws_s3_bucket" "one_principal" { # expect: aws-s3-tls-only
  bucket = "acme-one-principal"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = { AWS = "arn:aws:iam::111122223333:role/app" }
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-one-principal", "arn:aws:s3:::acme-one-principal/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

# A TLS version condition below 1.2 still lets TLS 1.0 and 1.1 in.
resource "aws_s3_bucket" "old_tls" { # expect: aws-s3-tls-only
  bucket = "acme-old-tls"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-old-tls", "arn:aws:s3:::acme-old-tls/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.0" } }
      },
    ]
  })
}
