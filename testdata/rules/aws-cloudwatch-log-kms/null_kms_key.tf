# A null key is no key.
resource "aws_cloudwatch_log_group" "null_key" { # expect: aws-cloudwatch-log-kms
  name              = "/app/null-key"
  retention_in_days = 365
  kms_key_id        = null
}
