# RDP reachable from the whole internet, over tcp and udp, in the three ingress forms.
variable "vpc_id" {
  type = string
}

resource "aws_security_group" "windows" {
  name        = "acme-windows-admin"
  description = "Windows jump hosts"
  vpc_id      = var.vpc_id

  ingress {
    description = "RDP"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect: aws-sg-no-public-rdp
  }

  ingress {
    description      = "RDP over UDP"
    from_port        = 3389
    to_port          = 3389
    protocol         = "udp"
    cidr_blocks      = ["10.0.0.0/8"]
    ipv6_cidr_blocks = ["::/0"] # expect: aws-sg-no-public-rdp
  }
}

# A high port range that contains 3389.
resource "aws_security_group_rule" "windows_high_ports" {
  type              = "ingress"
  security_group_id = aws_security_group.windows.id
  from_port         = 3000
  to_port           = 4000
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: aws-sg-no-public-rdp
}

# All protocols: every port, RDP included.
resource "aws_security_group_rule" "windows_all" {
  type              = "ingress"
  security_group_id = aws_security_group.windows.id
  from_port         = 0
  to_port           = 0
  protocol          = "all"
  ipv6_cidr_blocks  = ["::/0"] # expect: aws-sg-no-public-rdp
}

resource "aws_vpc_security_group_ingress_rule" "windows_rdp" {
  security_group_id = aws_security_group.windows.id
  ip_protocol       = "udp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0" # expect: aws-sg-no-public-rdp
}
