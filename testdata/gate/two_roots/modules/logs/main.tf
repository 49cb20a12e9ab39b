# The log bucket of an environment; prod and staging both call it as `module "logs"`.
variable "env" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket_prefix = "acme-${var.env}-logs-"
}
