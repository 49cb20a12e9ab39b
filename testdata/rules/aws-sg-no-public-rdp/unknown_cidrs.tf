# soc2gate-test: no findings
# Who may connect comes from a variable without a default.
variable "rdp_cidrs" {
  type = list(string)
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = var.rdp_cidrs # expect-undetermined: aws-sg-no-public-rdp
}
