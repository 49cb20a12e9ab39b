# soc2gate-test: no findings
# soc2gate-doc: passing example
resource "aws_kms_key" "sqs" {
  description         = "acme queues"
  enable_key_rotation = true
}

# SSE-KMS with a customer managed key.
resource "aws_sqs_queue" "orders" {
  name                              = "acme-orders"
  kms_master_key_id                 = aws_kms_key.sqs.arn
  kms_data_key_reuse_period_seconds = 300
}

# SSE-KMS with the AWS managed key.
resource "aws_sqs_queue" "billing" {
  name              = "acme-billing.fifo"
  fifo_queue        = true
  kms_master_key_id = "alias/aws/sqs"
}

# SSE-SQS declared.
resource "aws_sqs_queue" "orders_dlq" {
  name                    = "acme-orders-dlq"
  sqs_managed_sse_enabled = true
}
