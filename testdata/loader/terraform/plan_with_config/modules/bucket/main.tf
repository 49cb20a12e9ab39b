variable "names" {
  type = list(string)
}

resource "aws_s3_bucket" "this" {
  for_each = toset(var.names)
  bucket   = "acme-${each.key}"
}
