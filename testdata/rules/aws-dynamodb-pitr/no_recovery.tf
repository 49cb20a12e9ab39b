# soc2gate-doc: failing example
# No point_in_time_recovery block: recovery is off by default.
resource "aws_dynamodb_table" "sessions" { # expect: aws-dynamodb-pitr
  name         = "acme-sessions"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "session_id"

  attribute {
    name = "session_id"
    type = "S"
  }

  server_side_encryption {
    enabled = true
  }
}

# Recovery switched off explicitly.
resource "aws_dynamodb_table" "audit" {
  name         = "acme-audit"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "event_id"

  attribute {
    name = "event_id"
    type = "S"
  }

  point_in_time_recovery {
    enabled = false # expect: aws-dynamodb-pitr
  }
}
