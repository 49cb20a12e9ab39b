# soc2gate-doc: failing example
# No kms_key_id: the events are encrypted with a key owned by AWS.
resource "aws_cloudwatch_log_group" "app" { # expect: aws-cloudwatch-log-kms
  name              = "/acme/app"
  retention_in_days = 365
}

resource "aws_cloudwatch_log_group" "generated" { # expect: aws-cloudwatch-log-kms
  name_prefix = "/acme/jobs-"
}
