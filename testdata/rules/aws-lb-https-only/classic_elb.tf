# A classic load balancer cannot redirect: a listener that serves HTTP, or plain TCP on
# port 80, serves plain HTTP. The HTTPS and SSL listeners, and TCP on another port, are
# fine.
resource "aws_elb" "web" {
  name               = "web"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http" # expect: aws-lb-https-only
  }

  listener {
    instance_port      = 8080
    instance_protocol  = "http"
    lb_port            = 443
    lb_protocol        = "https"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:123456789012:certificate/web"
  }
}

resource "aws_elb" "tcp" {
  name               = "tcp"
  availability_zones = ["eu-west-1a"]

  listener {
    instance_port     = 8080
    instance_protocol = "tcp"
    lb_port           = 80
    lb_protocol       = "TCP" # expect: aws-lb-https-only
  }

  listener {
    instance_port     = 5432
    instance_protocol = "tcp"
    lb_port           = 5432
    lb_protocol       = "tcp"
  }
}
