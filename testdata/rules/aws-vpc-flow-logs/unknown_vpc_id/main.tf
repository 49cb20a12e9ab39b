# soc2gate-test: no findings
# The flow log's VPC comes from a variable without a default: it may be this VPC, so the
# rule says nothing.
variable "flow_log_vpc_id" {
  type = string
}

resource "aws_vpc" "app" { # expect-undetermined: aws-vpc-flow-logs
  cidr_block = "10.30.0.0/16"
}

resource "aws_flow_log" "app" {
  vpc_id               = var.flow_log_vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
