# Unknown is not unset: every value here that depends on something a static scan cannot
# see must be listed in `unknown`, never dropped silently.
variable "ssl_policy" {
  type = string
}

variable "create_replica" {
  type    = bool
  default = false
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket" "replica" {
  count  = var.create_replica ? 1 : 0
  bucket = "acme-replica"
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = var.lb_arn
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy
}

resource "aws_security_group" "web" {
  name = "web"

  dynamic "ingress" {
    for_each = var.ingress_rules
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      protocol    = "tcp"
      cidr_blocks = ingress.value.cidrs
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "DenyInsecureTransport",
          "Effect": "Deny",
          "Principal": "*",
          "Action": "s3:*",
          "Resource": [
            "${aws_s3_bucket.data.arn}",
            "${aws_s3_bucket.data.arn}/*"
          ],
          "Condition": {"Bool": {"aws:SecureTransport": "false"}}
        }
      ]
    }
  POLICY
}

resource "aws_iam_role_policy" "worker" {
  name = "worker"
  role = var.role_name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", var.extra_action]
        Resource = "*"
      },
    ]
  })
}
