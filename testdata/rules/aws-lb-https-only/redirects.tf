# soc2gate-doc: failing example
# Redirects that do not lead to HTTPS.
resource "aws_lb_listener" "redirect_to_http" {
  load_balancer_arn = var.web_lb_arn
  port              = 81
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "80"
      protocol    = "HTTP" # expect: aws-lb-https-only
      status_code = "HTTP_301"
    }
  }
}

# Without `protocol` the redirect keeps the request's own, plain HTTP.
resource "aws_lb_listener" "redirect_same_protocol" {
  load_balancer_arn = var.web_lb_arn
  port              = 82
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect { # expect: aws-lb-https-only
      host        = "www.example.com"
      status_code = "HTTP_301"
    }
  }
}
