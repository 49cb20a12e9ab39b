# The ssl_policy comes from a variable default, a local or terraform.tfvars: each is
# judged by the value Terraform would use.

variable "legacy_policy" {
  default = "ELBSecurityPolicy-2016-08"
}

# The default is modern, but terraform.tfvars sets an old policy.
variable "overridden_to_old" {
  default = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

# The default is old, but terraform.tfvars sets a modern policy.
variable "overridden_to_modern" {
  default = "ELBSecurityPolicy-2016-08"
}

locals {
  tls_policy = "ELBSecurityPolicy-TLS-1-1-2017-01"
}

resource "aws_lb_listener" "from_default" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = var.legacy_policy # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_lb_listener" "from_local" {
  load_balancer_arn = var.lb_arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = local.tls_policy # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_lb_listener" "from_tfvars_old" {
  load_balancer_arn = var.lb_arn
  port              = 9443
  protocol          = "HTTPS"
  ssl_policy        = var.overridden_to_old # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_lb_listener" "from_tfvars_modern" {
  load_balancer_arn = var.lb_arn
  port              = 10443
  protocol          = "HTTPS"
  ssl_policy        = var.overridden_to_modern
  certificate_arn   = var.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

variable "lb_arn" {}
variable "certificate_arn" {}
variable "target_group_arn" {}
