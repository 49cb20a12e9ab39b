# soc2gate-test: no findings
# Whether encryption is on comes from a variable without a default: not judged.
variable "encrypt_tables" {
  type = bool
}

variable "table_kms_key_arn" {
  type = string
}

resource "aws_dynamodb_table" "invoices" {
  name         = "acme-invoices"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "invoice_id"

  attribute {
    name = "invoice_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = var.encrypt_tables # expect-undetermined: aws-dynamodb-encryption
    kms_key_arn = var.table_kms_key_arn
  }
}
