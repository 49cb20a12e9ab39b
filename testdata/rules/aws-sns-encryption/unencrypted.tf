# soc2gate-doc: failing example
# SNS encrypts nothing unless a key is set.
resource "aws_sns_topic" "deployments" { # expect: aws-sns-encryption
  name = "acme-deployments"
}

resource "aws_sns_topic" "billing_events" {
  name                        = "acme-billing-events.fifo"
  fifo_topic                  = true
  content_based_deduplication = true
  kms_master_key_id           = "" # expect: aws-sns-encryption
}
