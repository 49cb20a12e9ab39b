# Every port reachable from the internet: all protocols, or the full tcp/udp range.
variable "vpc_id" {
  type = string
}

resource "aws_security_group" "legacy" {
  name        = "acme-legacy"
  description = "Lift-and-shift hosts"
  vpc_id      = var.vpc_id

  ingress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # expect: aws-sg-no-public-all-ports
  }

  ingress {
    from_port        = 0
    to_port          = 65535
    protocol         = "tcp"
    ipv6_cidr_blocks = ["::/0"] # expect: aws-sg-no-public-all-ports
  }
}

resource "aws_security_group_rule" "legacy_udp" {
  type              = "ingress"
  security_group_id = aws_security_group.legacy.id
  from_port         = 1
  to_port           = 65535
  protocol          = "17"
  cidr_blocks       = ["0.0.0.0/0"] # expect: aws-sg-no-public-all-ports
}

# ip_protocol = "-1" takes no ports.
resource "aws_vpc_security_group_ingress_rule" "legacy_all" {
  security_group_id = aws_security_group.legacy.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0" # expect: aws-sg-no-public-all-ports
}
