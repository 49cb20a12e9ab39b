# soc2gate-test: no findings
# The variable has no default, but terraform.tfvars sets it to true.
variable "enable_recovery" {
  type = bool
}

resource "aws_dynamodb_table" "ledger" {
  name         = "acme-ledger"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "entry_id"

  attribute {
    name = "entry_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.enable_recovery
  }
}
