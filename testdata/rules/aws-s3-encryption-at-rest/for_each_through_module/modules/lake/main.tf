# The same lake as a module: one bucket per key, encrypted unless its key is listed in
# `unencrypted`. Called with `scratch` left out, that bucket alone is reported, here, with
# the call that made it so.
variable "buckets" {
  type = map(string)
}

variable "unencrypted" {
  type    = set(string)
  default = []
}

# expect: aws-s3-encryption-at-rest
resource "aws_s3_bucket" "this" {
  for_each = var.buckets
  bucket   = each.value
}

module "encryption" {
  source   = "../encryption"
  for_each = { for key, bucket in aws_s3_bucket.this : key => bucket if !contains(var.unencrypted, key) }
  bucket   = each.value.id
}
