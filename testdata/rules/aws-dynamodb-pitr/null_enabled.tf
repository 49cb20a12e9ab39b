# A null `enabled` is an unset one, which the provider reads as false.
resource "aws_dynamodb_table" "null_enabled" {
  name         = "orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  point_in_time_recovery { # expect: aws-dynamodb-pitr
    enabled = null
  }
}
