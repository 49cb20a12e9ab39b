# soc2gate-test: no findings
resource "aws_kms_key" "sns" {
  description         = "acme topics"
  enable_key_rotation = true
}

resource "aws_sns_topic" "alerts" {
  name              = "acme-alerts"
  kms_master_key_id = aws_kms_key.sns.arn
}

# The AWS managed key.
resource "aws_sns_topic" "builds" {
  name              = "acme-builds"
  kms_master_key_id = "alias/aws/sns"
}
