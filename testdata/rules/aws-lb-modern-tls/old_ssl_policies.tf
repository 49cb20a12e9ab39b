# Security policies that still accept TLS 1.0 or 1.1.
resource "aws_lb_listener" "legacy" {
  load_balancer_arn = var.lb_arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

resource "aws_alb_listener" "forward_secrecy_tls11" {
  load_balancer_arn = var.lb_arn
  port              = 8443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-FS-1-1-2019-08" # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}

# A Network Load Balancer TLS listener.
resource "aws_lb_listener" "postgres_tls" {
  load_balancer_arn = var.lb_arn
  port              = 5432
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-1-2021-06" # expect: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}
