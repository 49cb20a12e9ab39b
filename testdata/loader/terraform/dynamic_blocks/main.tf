# dynamic blocks: expanded with their iterator where the collection is known.
locals {
  ingress = [
    { port = 443, cidrs = ["0.0.0.0/0"] },
    { port = 22, cidrs = ["10.0.0.0/8", "192.168.0.0/16"] },
  ]
  rules = {
    expire = { days = 30, prefixes = ["logs/", "tmp/"] }
    keep   = { days = 365, prefixes = [] }
  }
}

variable "extra_ports" {
  type = list(number)
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    description = "static, before the dynamic ones"
    from_port   = 80
    to_port     = 80
  }

  dynamic "ingress" {
    for_each = local.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      cidr_blocks = ingress.value.cidrs
      description = "rule ${ingress.key}"
    }
  }

  dynamic "egress" {
    for_each = var.extra_ports
    content {
      from_port = egress.value
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "l" {
  bucket = "b"

  dynamic "rule" {
    for_each = local.rules
    iterator = r
    content {
      id     = r.key
      status = "Enabled"
      expiration {
        days = r.value.days
      }
      dynamic "filter" {
        for_each = r.value.prefixes
        content {
          prefix = "${r.key}/${filter.value}"
        }
      }
    }
  }
}

resource "aws_kms_key" "k" {}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse" {
  bucket = "b"
  dynamic "rule" {
    for_each = [aws_kms_key.k.arn]
    content {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = rule.value
      }
    }
  }
}
