# A null key is no key: the topic is not encrypted.
resource "aws_sns_topic" "null_key" { # expect: aws-sns-encryption
  name              = "alerts"
  kms_master_key_id = null
}
