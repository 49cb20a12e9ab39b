# soc2gate-test: no findings
# Whether recovery is on comes from a variable without a default: not judged.
variable "point_in_time_recovery" {
  type = bool
}

resource "aws_dynamodb_table" "invoices" {
  name         = "acme-invoices"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "invoice_id"

  attribute {
    name = "invoice_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery # expect-undetermined: aws-dynamodb-pitr
  }
}
