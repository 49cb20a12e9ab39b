# A registry module that another installed module calls.
variable "name" {
  type = string
}

resource "aws_s3_bucket" "archive" {
  bucket = var.name
}
