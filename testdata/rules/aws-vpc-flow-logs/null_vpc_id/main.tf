# A flow log whose `vpc_id` is null records a subnet, not a VPC: it leaves the VPC
# without a flow log.
resource "aws_vpc" "main" { # expect: aws-vpc-flow-logs
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_flow_log" "subnet" {
  vpc_id          = null
  subnet_id       = aws_subnet.a.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:s3:::acme-flow-logs"
}
