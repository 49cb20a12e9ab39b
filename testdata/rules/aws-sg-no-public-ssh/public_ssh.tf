# SSH reachable from the whole internet, written in each of the three ingress forms.
resource "aws_security_group" "bastion" {
  name        = "acme-bastion"
  description = "Bastion host"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH from anywhere"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: aws-sg-no-public-ssh
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "app" {
  name   = "acme-app"
  vpc_id = var.vpc_id
}

# A port range that contains 22, open over IPv6.
resource "aws_security_group_rule" "app_admin_ports" {
  type              = "ingress"
  security_group_id = aws_security_group.app.id
  from_port         = 20
  to_port           = 25
  protocol          = "6"
  ipv6_cidr_blocks  = ["::/0"] # expect: aws-sg-no-public-ssh
}

resource "aws_vpc_security_group_ingress_rule" "app_ssh" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "0.0.0.0/0" # expect: aws-sg-no-public-ssh
}

# All protocols: every port, SSH included.
resource "aws_vpc_security_group_ingress_rule" "app_everything" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0" # expect: aws-sg-no-public-ssh
}

variable "vpc_id" {
  type = string
}
