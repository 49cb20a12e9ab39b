# soc2gate-test: no findings
# Each VPC has a flow log that references it, one of them through a local.
resource "aws_vpc" "prod" {
  cidr_block = "10.0.0.0/16"

  tags = {
    Name = "acme-prod"
  }
}

resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/aws/vpc/acme-prod"
  retention_in_days = 365
}

resource "aws_iam_role" "flow_logs" {
  name = "acme-vpc-flow-logs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "vpc-flow-logs.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_flow_log" "prod" {
  vpc_id          = aws_vpc.prod.id
  traffic_type    = "ALL"
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
  iam_role_arn    = aws_iam_role.flow_logs.arn
}

resource "aws_vpc" "shared_services" {
  cidr_block = "10.1.0.0/16"
}

locals {
  shared_services_vpc_id = aws_vpc.shared_services.id
}

resource "aws_flow_log" "shared_services" {
  vpc_id               = local.shared_services_vpc_id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}

# One VPC per region pair, each with its own flow log.
resource "aws_vpc" "spoke" {
  count      = 2
  cidr_block = "10.${count.index + 100}.0.0/16"
}

resource "aws_flow_log" "spoke" {
  count                = 2
  vpc_id               = aws_vpc.spoke[count.index].id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}

# A VPC this module does not manage is not judged.
data "aws_vpc" "network_account" {
  tags = {
    Name = "acme-network"
  }
}

resource "aws_flow_log" "network_account" {
  vpc_id               = data.aws_vpc.network_account.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
