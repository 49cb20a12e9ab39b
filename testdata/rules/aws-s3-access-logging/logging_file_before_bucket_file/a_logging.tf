# soc2gate-test: no findings
# The logging resources come first in file order; the buckets are in b_buckets.tf.
resource "aws_s3_bucket_logging" "media" {
  bucket = aws_s3_bucket.media.bucket

  target_bucket = "acme-media-logs"
  target_prefix = "media/"
}
