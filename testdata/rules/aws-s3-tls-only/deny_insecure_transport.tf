# soc2gate-test: no findings
# soc2gate-doc: passing example
# The denial written three ways: jsonencode with the bucket's ARN, a JSON heredoc with the
# bucket name, and a TLS version condition.
resource "aws_s3_bucket" "secure" {
  bucket = "acme-secure"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "secure" {
  bucket = aws_s3_bucket.secure.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "secure" {
  bucket = aws_s3_bucket.secure.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.secure.arn, "${aws_s3_bucket.secure.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}

resource "aws_s3_bucket" "heredoc" {
  bucket = "acme-heredoc"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "heredoc" {
  bucket = aws_s3_bucket.heredoc.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "heredoc" {
  bucket = aws_s3_bucket.heredoc.bucket
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadForPartner",
      "Effect": "Allow",
      "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::acme-heredoc/*"
    },
    {
      "Sid": "DenyInsecureTransport",
      "Effect": "Deny",
      "Principal": {"AWS": "*"},
      "Action": "*",
      "Resource": ["arn:aws:s3:::acme-heredoc", "arn:aws:s3:::acme-heredoc/*"],
      "Condition": {"Bool": {"aws:SecureTransport": "false"}}
    }
  ]
}
EOF
}

resource "aws_s3_bucket" "tls12" {
  bucket = "acme-tls12"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "tls12" {
  bucket = aws_s3_bucket.tls12.arn
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "tls12" {
  bucket = "acme-tls12"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = ["arn:aws:s3:::acme-tls12", "arn:aws:s3:::acme-tls12/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = 1.2 } }
      },
    ]
  })
}
