# soc2gate-test: no findings
# The protocol comes from a variable without a default: it may be icmp, or all.
variable "rdp_protocol" {
  type = string
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = var.rdp_protocol # expect-undetermined: aws-sg-no-public-rdp
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0"
}
