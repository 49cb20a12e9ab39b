# A month of application logs: less than the year the audit trail must cover.
resource "aws_cloudwatch_log_group" "app" {
  name              = "/acme/app"
  retention_in_days = 30 # expect: aws-cloudwatch-log-retention
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

locals {
  short_retention = 180
}

resource "aws_cloudwatch_log_group" "lambda" {
  name              = "/aws/lambda/acme-worker"
  retention_in_days = local.short_retention # expect: aws-cloudwatch-log-retention
}
