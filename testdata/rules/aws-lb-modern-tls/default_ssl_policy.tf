# An HTTPS listener without ssl_policy gets ELBSecurityPolicy-2016-08, which accepts
# TLS 1.0.
resource "aws_lb_listener" "default_policy" { # expect: aws-lb-modern-tls
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

variable "lb_arn" {
  type = string
}

variable "certificate_arn" {
  type = string
}

variable "target_group_arn" {
  type = string
}
