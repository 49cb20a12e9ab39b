# soc2gate-test: no findings
# The upper end of the range comes from a variable without a default.
variable "max_port" {
  type = number
}

resource "aws_security_group_rule" "range" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = 0
  to_port           = var.max_port # expect-undetermined: aws-sg-no-public-all-ports
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
