# soc2gate-test: no findings
# Whether the encryption block exists depends on a variable without a default.
variable "table_kms_keys" {
  type = list(string)
}

resource "aws_dynamodb_table" "payments" {
  name         = "acme-payments"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "payment_id"

  attribute {
    name = "payment_id"
    type = "S"
  }

  dynamic "server_side_encryption" { # expect-undetermined: aws-dynamodb-encryption
    for_each = var.table_kms_keys
    content {
      enabled     = true
      kms_key_arn = server_side_encryption.value
    }
  }
}
