# A null `protocol` is an unset one: an Application Load Balancer's listener serves HTTP.
resource "aws_lb" "null_protocol" {
  name               = "null-protocol"
  load_balancer_type = null
}

resource "aws_lb_listener" "null_protocol" {
  load_balancer_arn = aws_lb.null_protocol.arn
  port              = 8080
  protocol          = null

  default_action {
    type             = "forward" # expect: aws-lb-https-only
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/1"
  }
}
