# No server_side_encryption block: DynamoDB falls back to an AWS owned key.
resource "aws_dynamodb_table" "sessions" { # expect: aws-dynamodb-encryption
  name         = "acme-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  ttl {
    attribute_name = "expires_at"
    enabled        = true
  }
}

# Encryption switched off explicitly.
resource "aws_dynamodb_table" "audit" {
  name           = "acme-audit"
  billing_mode   = "PROVISIONED"
  read_capacity  = 5
  write_capacity = 5
  hash_key       = "event_id"
  range_key      = "occurred_at"

  attribute {
    name = "event_id"
    type = "S"
  }

  attribute {
    name = "occurred_at"
    type = "N"
  }

  server_side_encryption {
    enabled = false # expect: aws-dynamodb-encryption
  }
}
