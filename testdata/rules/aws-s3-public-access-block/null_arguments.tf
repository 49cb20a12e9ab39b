# A null switch is an unset one, which is false.
resource "aws_s3_bucket" "null_block" {
  bucket = "acme-null-block"
}

resource "aws_s3_bucket_public_access_block" "null_block" { # expect: aws-s3-public-access-block
  bucket                  = aws_s3_bucket.null_block.id
  block_public_acls       = null
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
