# soc2gate-test: no findings
# soc2gate-doc: passing example
resource "aws_cloudwatch_log_group" "audit" {
  name              = "/acme/audit"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "archive" {
  name              = "/acme/archive"
  retention_in_days = 3653
}

# retention_in_days unset: the log group has no retention policy, events never expire.
resource "aws_cloudwatch_log_group" "forever" {
  name = "/acme/forever"
}

# 0 also means never expire.
resource "aws_cloudwatch_log_group" "never_expire" {
  name              = "/acme/never-expire"
  retention_in_days = 0
}

# An existing log group read as a data source is not judged.
data "aws_cloudwatch_log_group" "existing" {
  name = "/acme/existing"
}
