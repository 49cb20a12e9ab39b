# soc2gate-test: no findings
# Both settings come from variables without a default: not judged.
variable "queue_kms_key_id" {
  type    = string
  default = null
}

variable "sqs_managed_sse" {
  type = bool
}

resource "aws_sqs_queue" "notifications" {
  name                    = "acme-notifications"
  kms_master_key_id       = var.queue_kms_key_id
  sqs_managed_sse_enabled = var.sqs_managed_sse # expect-undetermined: aws-sqs-encryption
}
