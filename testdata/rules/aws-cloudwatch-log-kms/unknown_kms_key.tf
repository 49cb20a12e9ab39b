# soc2gate-test: no findings
# The key comes from a variable without a default: the rule cannot know it.
variable "log_kms_key_arn" {
  type = string
}

resource "aws_cloudwatch_log_group" "configurable" {
  name       = "/acme/configurable"
  kms_key_id = var.log_kms_key_arn # expect-undetermined: aws-cloudwatch-log-kms
}
