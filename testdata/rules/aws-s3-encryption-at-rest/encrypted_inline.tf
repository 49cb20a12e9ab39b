# soc2gate-test: no findings
# AWS provider v3 style: the encryption configuration inside the bucket.
resource "aws_s3_bucket" "inline" {
  bucket = "acme-inline-encrypted"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyInsecureTransport",
          "Effect": "Deny",
          "Principal": "*",
          "Action": "s3:*",
          "Resource": ["arn:aws:s3:::acme-inline-encrypted", "arn:aws:s3:::acme-inline-encrypted/*"],
          "Condition": {"Bool": {"aws:SecureTransport": "false"}}
        }
      ]
    }
  POLICY
}
