# The secondary member of a global datastore inherits the primary's encryption: only
# the primary is judged. The primary is unencrypted here, so it alone is reported.
resource "aws_elasticache_replication_group" "primary" { # expect: aws-elasticache-at-rest-encryption
  replication_group_id = "acme-global-primary"
  description          = "global datastore primary"
  engine               = "redis"
  engine_version       = "7.1"
  node_type            = "cache.r7g.large"
  num_cache_clusters   = 2
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
