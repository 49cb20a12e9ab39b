# soc2gate-test: no findings
resource "aws_kms_key" "logs" {
  description         = "CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "app_encrypted" {
  name              = "/acme/app-encrypted"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}

resource "aws_cloudwatch_log_group" "literal" {
  name       = "/acme/literal-key"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# An existing log group read as a data source is not judged.
data "aws_cloudwatch_log_group" "existing" {
  name = "/acme/existing"
}
