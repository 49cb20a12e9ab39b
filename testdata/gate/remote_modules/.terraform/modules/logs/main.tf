# A registry module as `terraform init` installed it.
variable "env" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = "acme-${var.env}-logs"
}

module "archive" {
  source  = "acme/archive/aws"
  version = "~> 0.3"
  name    = "${aws_s3_bucket.this.bucket}-archive"
}

output "encrypted_keys" {
  value = ["raw"]
}
