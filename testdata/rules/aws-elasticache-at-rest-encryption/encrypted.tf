# soc2gate-test: no findings
resource "aws_kms_key" "elasticache" {
  description         = "acme caches"
  enable_key_rotation = true
}

resource "aws_elasticache_replication_group" "carts" {
  replication_group_id       = "acme-carts"
  description                = "shopping carts"
  engine                     = "redis"
  node_type                  = "cache.r7g.large"
  num_node_groups            = 2
  replicas_per_node_group    = 1
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.elasticache.arn
  transit_encryption_enabled = true
}

# Valkey encrypts at rest unless told otherwise.
resource "aws_elasticache_replication_group" "feeds" {
  replication_group_id       = "acme-feeds"
  description                = "feed cache"
  engine                     = "valkey"
  engine_version             = "8.0"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 2
  transit_encryption_enabled = true
}
