# soc2gate-test: no findings
# One flag comes from a variable without a default: the rule cannot know it.
variable "restrict_public_buckets" {
  type = bool
}

resource "aws_s3_bucket" "configurable" {
  bucket = "acme-configurable"
}

resource "aws_s3_bucket_public_access_block" "configurable" {
  bucket = aws_s3_bucket.configurable.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = var.restrict_public_buckets # expect-undetermined: aws-s3-public-access-block
}
