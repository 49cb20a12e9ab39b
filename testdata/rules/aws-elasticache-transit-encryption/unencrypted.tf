# soc2gate-doc: failing example
# Transit encryption switched off explicitly.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "acme-sessions"
  description                = "session store"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false # expect: aws-elasticache-transit-encryption
}

# Unset: the group is created without TLS, whatever the engine.
resource "aws_elasticache_replication_group" "feeds" { # expect: aws-elasticache-transit-encryption
  replication_group_id = "acme-feeds"
  description          = "feed cache"
  engine               = "valkey"
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 2
}
