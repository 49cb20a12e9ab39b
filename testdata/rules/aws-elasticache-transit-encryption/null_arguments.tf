# Null arguments are unset: no transit encryption, and no global datastore to inherit it
# from.
resource "aws_elasticache_replication_group" "null_arguments" { # expect: aws-elasticache-transit-encryption
  replication_group_id        = "sessions"
  description                 = "sessions"
  transit_encryption_enabled  = null
  at_rest_encryption_enabled  = true
  global_replication_group_id = null
}
