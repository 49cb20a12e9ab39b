# soc2gate-test: no findings
# The policy comes from a variable without a default: the rule cannot know it.
variable "ssl_policy" {
  type = string
}

resource "aws_lb_listener" "configurable" {
  load_balancer_arn = var.lb_arn
  port              = 7443
  protocol          = "HTTPS"
  ssl_policy        = var.ssl_policy # expect-undetermined: aws-lb-modern-tls
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = var.target_group_arn
  }
}
