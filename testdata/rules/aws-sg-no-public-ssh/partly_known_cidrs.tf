# soc2gate-doc: failing example
# One element of the list comes from a variable without a default, but the list also
# holds 0.0.0.0/0: the rule is open whatever the variable is.
variable "office_cidr" {
  type = string
}

resource "aws_security_group" "jump" {
  name   = "acme-jump"
  vpc_id = "vpc-0a1b2c3d4e5f60718"

  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    # expect-undetermined: aws-sg-no-public-ssh
    cidr_blocks = [ # expect: aws-sg-no-public-ssh
      var.office_cidr,
      "0.0.0.0/0",
    ]
  }
}
