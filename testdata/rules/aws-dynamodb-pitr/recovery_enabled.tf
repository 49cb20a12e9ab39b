# soc2gate-test: no findings
resource "aws_dynamodb_table" "orders" {
  name         = "acme-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }
}

# The same, with the recovery window shortened to two weeks.
resource "aws_dynamodb_table" "carts" {
  name         = "acme-carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cart_id"

  attribute {
    name = "cart_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled                 = true
    recovery_period_in_days = 14
  }
}
