# soc2gate-test: no findings
# RDP only from the VPN's range; other ports open to the internet are not RDP.
resource "aws_security_group" "windows_vpn" {
  name   = "acme-windows-vpn"
  vpc_id = "vpc-0a1b2c3d4e5f60718"

  ingress {
    description = "RDP from the VPN"
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "windows_vpn_winrm" {
  security_group_id = aws_security_group.windows_vpn.id
  ip_protocol       = "tcp"
  from_port         = 5985
  to_port           = 5986
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "windows_vpn_rdp" {
  security_group_id = aws_security_group.windows_vpn.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv6         = "2001:db8:1234::/48"
}
