# soc2gate-test: no findings
# Keys set to null in a document are no keys: the statement below denies every request
# without TLS on the bucket and its objects, `NotResource = null` notwithstanding.
resource "aws_s3_bucket" "null_keys" {
  bucket = "acme-null-keys"
}

resource "aws_s3_bucket_policy" "null_keys" {
  bucket = aws_s3_bucket.null_keys.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Deny"
      Principal   = "*"
      Action      = "s3:*"
      Resource    = [aws_s3_bucket.null_keys.arn, "${aws_s3_bucket.null_keys.arn}/*"]
      NotResource = null
      Condition   = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}
