# soc2gate-test: no findings
# Who may connect comes from variables without a default: the rule cannot know whether
# it is the internet, so it says nothing.
variable "admin_cidrs" {
  type = list(string)
}

variable "admin_cidr_ipv4" {
  type = string
}

resource "aws_security_group" "admin" {
  name   = "acme-admin"
  vpc_id = "vpc-0a1b2c3d4e5f60718"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs # expect-undetermined: aws-sg-no-public-ssh
  }
}

resource "aws_vpc_security_group_ingress_rule" "admin_ssh" {
  security_group_id = aws_security_group.admin.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = var.admin_cidr_ipv4 # expect-undetermined: aws-sg-no-public-ssh
}
