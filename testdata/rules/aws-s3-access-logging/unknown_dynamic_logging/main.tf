# soc2gate-test: no findings
# Whether the inline logging block exists depends on a variable without a default.
variable "logging" {
  type = list(object({
    target_bucket = string
    target_prefix = string
  }))
}

resource "aws_s3_bucket" "dynamic" {
  bucket = "acme-dynamic-logging"

  dynamic "logging" { # expect-undetermined: aws-s3-access-logging
    for_each = var.logging
    content {
      target_bucket = logging.value.target_bucket
      target_prefix = logging.value.target_prefix
    }
  }
}
