# soc2gate-test: no findings
# The trail comes first in file order; its bucket is in b_bucket.tf.
resource "aws_cloudtrail" "ops" {
  name           = "ops"
  s3_bucket_name = aws_s3_bucket.ops_trail.id
}
