# A subdirectory of a git repository as `terraform init` installed it.
variable "name" {
  type = string
}

variable "encrypted" {
  type = bool
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count  = var.encrypted ? 1 : 0
  bucket = aws_s3_bucket.this.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}
