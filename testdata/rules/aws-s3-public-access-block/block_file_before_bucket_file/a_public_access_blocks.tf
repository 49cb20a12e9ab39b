# The public access blocks come first in file order; the buckets are in b_buckets.tf.
resource "aws_s3_bucket_public_access_block" "media" {
  bucket = aws_s3_bucket.media.bucket

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_public_access_block" "thumbnails" {
  bucket = "acme-thumbnails"

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = false # expect: aws-s3-public-access-block
}
