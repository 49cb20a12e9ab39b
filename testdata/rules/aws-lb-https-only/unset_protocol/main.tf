# An Application Load Balancer listener without `protocol` serves HTTP, the provider
# default. A Gateway Load Balancer listener has no protocol and is not judged.
resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80

  default_action {
    type             = "forward" # expect: aws-lb-https-only
    target_group_arn = aws_lb_target_group.web.arn
  }
}

resource "aws_lb_target_group" "web" {
  name     = "web"
  port     = 8080
  protocol = "HTTP"
  vpc_id   = "vpc-0a1b2c3d"
}

resource "aws_lb" "inspection" {
  name               = "inspection"
  load_balancer_type = "gateway"
  subnets            = ["subnet-0a1b2c3d"]
}

resource "aws_lb_listener" "inspection" {
  load_balancer_arn = aws_lb.inspection.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.inspection.arn
  }
}

resource "aws_lb_target_group" "inspection" {
  name     = "inspection"
  port     = 6081
  protocol = "GENEVE"
  vpc_id   = "vpc-0a1b2c3d"
}
