# An HTTP listener that serves the application instead of redirecting to HTTPS.
resource "aws_lb_listener" "http_forward" {
  load_balancer_arn = var.web_lb_arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = "forward" # expect: aws-lb-https-only
    target_group_arn = var.web_target_group_arn
  }
}

# The same with the alias resource type, answering with a fixed page.
resource "aws_alb_listener" "http_fixed" {
  load_balancer_arn = var.web_lb_arn
  port              = 8080
  protocol          = "HTTP"

  default_action {
    type = "fixed-response" # expect: aws-lb-https-only

    fixed_response {
      content_type = "text/plain"
      message_body = "maintenance"
      status_code  = "503"
    }
  }
}

variable "web_lb_arn" {
  type = string
}

variable "web_target_group_arn" {
  type = string
}
