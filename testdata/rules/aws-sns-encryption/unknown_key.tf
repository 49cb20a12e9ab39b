# soc2gate-test: no findings
# The key comes from a variable without a default: not judged.
variable "topic_kms_key_id" {
  type = string
}

resource "aws_sns_topic" "audit" {
  name              = "acme-audit"
  kms_master_key_id = var.topic_kms_key_id # expect-undetermined: aws-sns-encryption
}
