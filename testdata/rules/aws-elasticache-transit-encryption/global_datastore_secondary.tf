# soc2gate-test: no findings
# The secondary member of a global datastore inherits the primary's transit encryption.
resource "aws_elasticache_replication_group" "primary" {
  replication_group_id       = "acme-global-primary"
  description                = "global datastore primary"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

resource "aws_elasticache_global_replication_group" "global" {
  global_replication_group_id_suffix = "acme"
  primary_replication_group_id       = aws_elasticache_replication_group.primary.id
}

resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "acme-global-secondary"
  description                 = "global datastore secondary"
  global_replication_group_id = aws_elasticache_global_replication_group.global.global_replication_group_id
  num_cache_clusters          = 1
}
