# soc2gate-test: no findings
# The switch comes from a variable without a default: not judged.
variable "cache_tls" {
  type = bool
}

resource "aws_elasticache_replication_group" "search" {
  replication_group_id       = "acme-search"
  description                = "search results"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = true
  transit_encryption_enabled = var.cache_tls # expect-undetermined: aws-elasticache-transit-encryption
}
