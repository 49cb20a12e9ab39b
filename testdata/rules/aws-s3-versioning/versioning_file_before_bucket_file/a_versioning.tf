# soc2gate-test: no findings
# The versioning resources come first in file order; the buckets are in b_buckets.tf.
resource "aws_s3_bucket_versioning" "media" {
  bucket = aws_s3_bucket.media.arn

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_versioning" "thumbnails" {
  bucket = "acme-thumbnails"

  versioning_configuration {
    status = "Enabled"
  }
}
