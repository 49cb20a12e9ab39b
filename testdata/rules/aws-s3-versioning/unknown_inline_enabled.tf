# soc2gate-test: no findings
# Inline versioning switched by a variable without a default, and a dynamic block.
variable "versioned" {
  type = bool
}

variable "versioning" {
  type = list(bool)
}

resource "aws_s3_bucket" "switched" {
  bucket = "acme-switched"

  versioning {
    enabled = var.versioned # expect-undetermined: aws-s3-versioning
  }
}

resource "aws_s3_bucket" "dynamic" {
  bucket = "acme-dynamic-versioning"

  dynamic "versioning" { # expect-undetermined: aws-s3-versioning
    for_each = var.versioning
    content {
      enabled = versioning.value
    }
  }
}
