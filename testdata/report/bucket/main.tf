# Report fixture: the module the stack calls twice.
variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" {
  bucket = var.name
  acl    = "public-read"
}
