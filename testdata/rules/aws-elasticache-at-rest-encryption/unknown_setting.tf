# soc2gate-test: no findings
# The switch and, for the second group, the engine come from variables without a
# default: not judged.
variable "cache_encryption" {
  type = bool
}

variable "cache_engine" {
  type = string
}

resource "aws_elasticache_replication_group" "search" {
  replication_group_id       = "acme-search"
  description                = "search results"
  node_type                  = "cache.t4g.small"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = var.cache_encryption # expect-undetermined: aws-elasticache-at-rest-encryption
}

resource "aws_elasticache_replication_group" "tokens" {
  replication_group_id = "acme-tokens"
  description          = "token cache"
  engine               = var.cache_engine # expect-undetermined: aws-elasticache-at-rest-encryption
  node_type            = "cache.t4g.small"
  num_cache_clusters   = 1
}
