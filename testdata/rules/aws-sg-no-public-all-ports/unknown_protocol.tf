# soc2gate-test: no findings
# The protocol comes from a variable without a default: "-1" would open every port,
# "tcp" only port 8080.
variable "protocol" {
  type = string
}

resource "aws_security_group" "service" {
  name   = "acme-service"
  vpc_id = "vpc-0a1b2c3d4e5f60718"

  ingress {
    from_port   = 8080
    to_port     = 8080
    protocol    = var.protocol # expect-undetermined: aws-sg-no-public-all-ports
    cidr_blocks = ["0.0.0.0/0"]
  }
}
