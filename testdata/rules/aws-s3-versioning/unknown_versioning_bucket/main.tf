# soc2gate-test: no findings
# The versioning resource's bucket comes from a variable without a default. It may be
# this bucket's, so the bucket is not reported.
variable "bucket_id" {
  type = string
}

resource "aws_s3_bucket" "uploads" { # expect-undetermined: aws-s3-versioning
  bucket = "acme-uploads"
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = var.bucket_id

  versioning_configuration {
    status = "Enabled"
  }
}
