# A small web stack: a load balancer in front of the application, buckets for uploads
# and logs, a database, and the IAM policies of the people and services that run it. Each line marked
# `expect:` is a finding soc2gate reports.

locals {
  name = "acme-shop"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0a1b2c3d"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

variable "certificate_arn" {
  type    = string
  default = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
}

# --- Load balancer -----------------------------------------------------------------

resource "aws_lb" "web" {
  name               = local.name
  load_balancer_type = "application"
  subnets            = var.subnet_ids
}

resource "aws_lb_target_group" "web" {
  name     = local.name
  port     = 8080
  protocol = "HTTP"
  vpc_id   = var.vpc_id
}

# Serves the shop over plain HTTP instead of redirecting to the HTTPS listener.
resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward" # expect: aws-lb-https-only
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# No ssl_policy: the AWS default ELBSecurityPolicy-2016-08 still accepts TLS 1.0.
resource "aws_lb_listener" "https" { # expect: aws-lb-modern-tls
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# The admin listener is done right.
resource "aws_lb_listener" "admin" {
  load_balancer_arn = aws_lb.web.arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# --- Buckets -------------------------------------------------------------------------

# Customer uploads: encrypted with a KMS key, and only reachable over TLS.
resource "aws_kms_key" "uploads" {
  description         = "${local.name} uploads"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "uploads" {
  bucket = "${local.name}-uploads"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.uploads.arn
    }
    bucket_key_enabled = true
  }
}

data "aws_iam_policy_document" "uploads" {
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.uploads.arn, "${aws_s3_bucket.uploads.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  policy = data.aws_iam_policy_document.uploads.json
}

resource "aws_s3_bucket_versioning" "uploads" {
  bucket = aws_s3_bucket.uploads.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_logging" "uploads" {
  bucket        = aws_s3_bucket.uploads.id
  target_bucket = aws_s3_bucket.logs.id
  target_prefix = "uploads/"
}

# Access logs: neither encrypted nor limited to TLS, and not versioned. (As the target
# of the uploads' access logs, it need not log its own access.)
resource "aws_s3_bucket" "logs" { # expect: aws-s3-encryption-at-rest, aws-s3-tls-only, aws-s3-versioning
  bucket = "${local.name}-logs"
}

# No bucket of the account can be made public.
resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# --- Database --------------------------------------------------------------------------

# The orders database is encrypted and backed up, but reachable from the internet, and
# so is SSH on its security group.
resource "aws_security_group" "db" {
  name   = "${local.name}-db"
  vpc_id = var.vpc_id

  ingress {
    description = "PostgreSQL from the application"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  ingress {
    description = "SSH for debugging"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: aws-sg-no-public-ssh
  }
}

resource "aws_db_instance" "orders" {
  identifier              = "${local.name}-orders"
  engine                  = "postgres"
  instance_class          = "db.t3.medium"
  allocated_storage       = 50
  storage_encrypted       = true
  kms_key_id              = aws_kms_key.uploads.arn
  backup_retention_period = 14
  deletion_protection     = true
  publicly_accessible     = true # expect: aws-rds-not-public
  vpc_security_group_ids  = [aws_security_group.db.id]
}

# --- IAM -----------------------------------------------------------------------------

# The application reads and writes uploads, and nothing else.
resource "aws_iam_policy" "app" {
  name = "${local.name}-app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "${aws_s3_bucket.uploads.arn}/*"
      },
      {
        Effect   = "Allow"
        Action   = ["kms:Decrypt", "kms:GenerateDataKey"]
        Resource = aws_kms_key.uploads.arn
      },
    ]
  })
}

# The deploy role may do anything to the logs bucket, including deleting it.
resource "aws_iam_role_policy" "deploy" {
  name = "${local.name}-deploy"
  role = "deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "s3:*" # expect: aws-iam-no-wildcard-action
        Resource = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
      },
    ]
  })
}

# An on-call policy that grants full administrator access.
data "aws_iam_policy_document" "oncall" {
  statement {
    sid       = "BreakGlass"
    actions   = ["*"] # expect: aws-iam-no-wildcard-admin
    resources = ["*"]
  }
}

resource "aws_iam_policy" "oncall" {
  name   = "${local.name}-oncall"
  policy = data.aws_iam_policy_document.oncall.json
}
