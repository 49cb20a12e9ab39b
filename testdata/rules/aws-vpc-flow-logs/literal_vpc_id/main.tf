# soc2gate-test: no findings
# A VPC's id is only known once it exists: the literal id may be this VPC's (created,
# then written down), so the rule says nothing.
resource "aws_vpc" "imported" { # expect-undetermined: aws-vpc-flow-logs
  cidr_block = "10.40.0.0/16"
}

resource "aws_flow_log" "imported" {
  vpc_id               = "vpc-0a1b2c3d4e5f60718"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
