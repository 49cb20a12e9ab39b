# soc2gate-test: no findings
# Default encryption with KMS for the bucket whose id it is given.
variable "bucket" {
  type = string
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = var.bucket

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
