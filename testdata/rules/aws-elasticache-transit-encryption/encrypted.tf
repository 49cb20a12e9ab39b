# soc2gate-test: no findings
variable "cache_auth_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "carts" {
  replication_group_id       = "acme-carts"
  description                = "shopping carts"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = "cache.r7g.large"
  num_cache_clusters         = 2
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = var.cache_auth_token
}
