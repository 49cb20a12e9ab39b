# soc2gate-test: no findings
resource "aws_kms_key" "dynamodb" {
  description         = "acme DynamoDB tables"
  enable_key_rotation = true
}

# A customer managed key.
resource "aws_dynamodb_table" "orders" {
  name         = "acme-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "order_id"

  attribute {
    name = "order_id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }

  point_in_time_recovery {
    enabled = true
  }
}

# No kms_key_arn: the AWS managed key alias/aws/dynamodb, which the account can audit.
resource "aws_dynamodb_table" "carts" {
  name         = "acme-carts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "cart_id"

  attribute {
    name = "cart_id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}
