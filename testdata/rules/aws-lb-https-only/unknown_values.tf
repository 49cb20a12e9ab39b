# soc2gate-test: no findings
# The protocol and the redirect protocol come from variables without defaults: the rule
# cannot know what the listener serves.
variable "listener_protocol" {
  type = string
}

variable "redirect_protocol" {
  type = string
}

resource "aws_lb_listener" "configurable" {
  load_balancer_arn = var.web_lb_arn
  port              = 8081
  protocol          = var.listener_protocol # expect-undetermined: aws-lb-https-only

  default_action {
    type             = "forward"
    target_group_arn = var.web_target_group_arn
  }
}

resource "aws_lb_listener" "configurable_redirect" { # expect-undetermined: aws-lb-https-only
  load_balancer_arn = var.web_lb_arn
  port              = 8082
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = var.redirect_protocol
      status_code = "HTTP_301"
    }
  }
}
