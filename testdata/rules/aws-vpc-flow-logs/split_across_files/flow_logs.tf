# soc2gate-test: no findings
resource "aws_flow_log" "data" {
  vpc_id                   = aws_vpc.data.id
  traffic_type             = "ALL"
  log_destination_type     = "s3"
  log_destination          = "arn:aws:s3:::acme-flow-logs"
  max_aggregation_interval = 60
}
