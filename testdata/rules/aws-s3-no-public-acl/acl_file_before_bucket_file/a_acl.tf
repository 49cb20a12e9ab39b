# The ACL comes first in file order; the bucket is in b_bucket.tf.
resource "aws_s3_bucket_acl" "downloads" {
  bucket = aws_s3_bucket.downloads.id
  acl    = "public-read" # expect: aws-s3-no-public-acl
}
