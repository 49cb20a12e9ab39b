# soc2gate-test: no findings
# The retention comes from a variable without a default: the rule cannot know it.
variable "log_retention_days" {
  type = number
}

resource "aws_cloudwatch_log_group" "configurable" {
  name              = "/acme/configurable"
  retention_in_days = var.log_retention_days # expect-undetermined: aws-cloudwatch-log-retention
}
