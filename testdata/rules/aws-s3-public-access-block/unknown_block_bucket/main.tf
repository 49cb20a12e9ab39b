# soc2gate-test: no findings
# The public access block's bucket comes from a variable without a default. It may be
# this bucket's, so the bucket is not reported.
variable "bucket_id" {
  type = string
}

resource "aws_s3_bucket" "uploads" { # expect-undetermined: aws-s3-public-access-block
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket = var.bucket_id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
