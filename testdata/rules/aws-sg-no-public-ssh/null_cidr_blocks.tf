# A null IPv4 list is no list: the rule is judged by its IPv6 list, which is open.
resource "aws_security_group" "null_cidrs" {
  name = "bastion"

  ingress {
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = null
    ipv6_cidr_blocks = ["::/0"] # expect: aws-sg-no-public-ssh
  }
}
