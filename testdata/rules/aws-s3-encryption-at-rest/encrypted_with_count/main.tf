# soc2gate-test: no findings
# One bucket and one encryption configuration per name, joined instance by instance.
variable "names" {
  type    = list(string)
  default = ["raw", "curated"]
}

resource "aws_s3_bucket" "lake" {
  count  = length(var.names)
  bucket = "acme-lake-${var.names[count.index]}"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "lake" {
  count  = length(var.names)
  bucket = aws_s3_bucket.lake[count.index].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_policy" "lake" {
  count  = length(var.names)
  bucket = aws_s3_bucket.lake[count.index].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.lake[count.index].arn, "${aws_s3_bucket.lake[count.index].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })
}
