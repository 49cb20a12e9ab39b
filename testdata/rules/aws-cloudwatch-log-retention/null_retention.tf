# soc2gate-test: no findings
# A null retention is an unset retention: events never expire, which passes.
resource "aws_cloudwatch_log_group" "null_retention" {
  name              = "/app/audit"
  retention_in_days = null
}
