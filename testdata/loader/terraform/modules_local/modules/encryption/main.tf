variable "bucket_id" {}

variable "key_id" {
  default = null
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = var.bucket_id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.key_id == null ? "AES256" : "aws:kms"
      kms_master_key_id = var.key_id
    }
  }
}
