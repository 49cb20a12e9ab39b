# soc2gate-test: no findings
# Whether the inline encryption block exists depends on a variable without a default:
# the rule cannot know, so it says nothing.
variable "sse_rules" {
  type = list(string)
}

resource "aws_s3_bucket" "dynamic" {
  bucket = "acme-dynamic-encryption"

  dynamic "server_side_encryption_configuration" { # expect-undetermined: aws-s3-encryption-at-rest
    for_each = var.sse_rules
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = server_side_encryption_configuration.value
        }
      }
    }
  }
}

resource "aws_s3_bucket_policy" "dynamic" {
  bucket = aws_s3_bucket.dynamic.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.dynamic.arn, "${aws_s3_bucket.dynamic.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}
