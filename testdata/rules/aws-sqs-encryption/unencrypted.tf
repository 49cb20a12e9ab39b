# SSE-SQS switched off and no KMS key: messages are stored unencrypted.
resource "aws_sqs_queue" "ingest" {
  name                    = "acme-ingest"
  sqs_managed_sse_enabled = false # expect: aws-sqs-encryption
}

# Neither a key nor SSE-SQS declared: the queue relies on an AWS default that nothing
# in the configuration states or checks.
resource "aws_sqs_queue" "ingest_dlq" { # expect: aws-sqs-encryption
  name                      = "acme-ingest-dlq"
  message_retention_seconds = 1209600
}
