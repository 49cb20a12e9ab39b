# soc2gate-test: no findings
# A null key is no key, and SQS owned keys encrypt the queue.
resource "aws_sqs_queue" "null_key" {
  name                    = "jobs"
  kms_master_key_id       = null
  sqs_managed_sse_enabled = true
}
