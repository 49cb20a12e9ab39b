# soc2gate-test: no findings
# The port comes from a variable without a default: it may or may not be 22.
variable "service_port" {
  type = number
}

resource "aws_security_group_rule" "service" {
  type              = "ingress"
  security_group_id = "sg-0123456789abcdef0"
  from_port         = var.service_port # expect-undetermined: aws-sg-no-public-ssh
  to_port           = var.service_port # expect-undetermined: aws-sg-no-public-ssh
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
