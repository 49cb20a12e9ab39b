# A configuration resource whose rule only enables the bucket key sets no default
# encryption at all.
resource "aws_s3_bucket" "summaries" {
  bucket = "acme-summaries"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "summaries" {
  bucket = aws_s3_bucket.summaries.id

  rule { # expect: aws-s3-encryption-at-rest
    bucket_key_enabled = true
  }
}
