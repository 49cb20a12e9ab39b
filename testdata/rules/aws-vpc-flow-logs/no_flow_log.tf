# VPCs whose traffic nobody records.
resource "aws_vpc" "legacy" { # expect: aws-vpc-flow-logs
  cidr_block           = "10.10.0.0/16"
  enable_dns_hostnames = true

  tags = {
    Name = "acme-legacy"
  }
}

resource "aws_vpc" "staging" { # expect: aws-vpc-flow-logs
  cidr_block = "10.20.0.0/16"

  tags = {
    Name = "acme-staging"
  }
}

resource "aws_subnet" "staging_private" {
  vpc_id     = aws_vpc.staging.id
  cidr_block = "10.20.1.0/24"
}

# A subnet's flow log records that subnet only, not the VPC.
resource "aws_flow_log" "staging_private" {
  subnet_id            = aws_subnet.staging_private.id
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
