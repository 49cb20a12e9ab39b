# Encryption at rest switched off explicitly.
resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "acme-sessions"
  description                = "session store"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  at_rest_encryption_enabled = false # expect: aws-elasticache-at-rest-encryption
  transit_encryption_enabled = true
}

# Unset on the default engine (redis): the provider's default is false.
resource "aws_elasticache_replication_group" "rate_limits" { # expect: aws-elasticache-at-rest-encryption
  replication_group_id       = "acme-rate-limits"
  description                = "rate limiter counters"
  node_type                  = "cache.t4g.micro"
  num_cache_clusters         = 1
  transit_encryption_enabled = true
}
