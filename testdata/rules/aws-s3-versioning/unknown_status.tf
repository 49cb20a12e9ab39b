# soc2gate-test: no findings
# The status comes from a variable without a default: the rule cannot know it.
variable "versioning_status" {
  type = string
}

resource "aws_s3_bucket" "configurable" { # expect-undetermined: aws-s3-versioning
  bucket = "acme-configurable"
}

resource "aws_s3_bucket_versioning" "configurable" {
  bucket = aws_s3_bucket.configurable.id

  versioning_configuration {
    status = var.versioning_status # expect-undetermined: aws-s3-versioning
  }
}
