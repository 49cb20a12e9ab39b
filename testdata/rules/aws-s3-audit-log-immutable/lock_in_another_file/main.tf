# soc2gate-test: no findings
# The trail's bucket; its Object Lock configuration is in object_lock.tf.
resource "aws_s3_bucket" "trail" {
  bucket = "acme-security-trail"
}

resource "aws_cloudtrail" "security" {
  name           = "security"
  s3_bucket_name = aws_s3_bucket.trail.id
}
