# METADATA
# title: ElastiCache replication groups encrypt data at rest
# description: >-
#   Every `aws_elasticache_replication_group` must set `at_rest_encryption_enabled =
#   true`, so that its data on disk (swap, backups and snapshots) is encrypted. When the
#   attribute is unset the provider's default depends on the engine: false for `redis`
#   (the default engine), so such a group is reported, and true for `valkey`, which
#   passes. A secondary member of a global datastore (`global_replication_group_id`
#   set) inherits encryption from the datastore's primary group and is exempt. A value
#   or an engine that cannot be known statically is not judged.
# custom:
#   id: aws-elasticache-at-rest-encryption
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_elasticache_replication_group]
#   remediation: |
#     Enable encryption at rest, optionally with a customer managed KMS key. It can only
#     be chosen when the group is created, so the group is replaced (migrate its data
#     through a snapshot):
#
#     ```hcl
#     resource "aws_elasticache_replication_group" "sessions" {
#       replication_group_id       = "sessions"
#       description                = "session store"
#       node_type                  = "cache.t4g.small"
#       num_cache_clusters         = 2
#       at_rest_encryption_enabled = true
#       kms_key_id                 = aws_kms_key.elasticache.arn
#       transit_encryption_enabled = true
#     }
#     ```
package soc2gate.aws.elasticache.at_rest_encryption

import data.soc2gate.lib.aws.elasticache
import data.soc2gate.lib.core

_attribute := "at_rest_encryption_enabled"

deny contains v if {
	some g in elasticache.replication_groups
	elasticache.off(g, [_attribute])
	v := core.violation(g, _attribute, sprintf(
		"%s sets at_rest_encryption_enabled = false; set it to true (the group is replaced)",
		[elasticache.describe(g)],
	))
}

deny contains v if {
	some g in elasticache.replication_groups
	core.unset(g, [_attribute])
	engine := elasticache.engine(g)
	engine != "valkey"
	v := core.violation(g, "", sprintf(
		"%s does not set at_rest_encryption_enabled, which defaults to false for the %s engine; set it to true (the group is replaced)",
		[elasticache.describe(g), engine],
	))
}

# What the rule could not judge: a at_rest_encryption_enabled that cannot be known (or, when it is unset, the engine that decides its default), and a group whose
# global_replication_group_id cannot be known (a member of a global datastore takes its
# settings from there).
undetermined contains v if {
	some g in elasticache.replication_groups
	some v in core.unknown_at(g, _deciding_paths(g))
}

undetermined contains v if {
	some g in core.resources("aws_elasticache_replication_group")
	g.mode == "managed"
	some v in core.unknown_value_at(g, [["global_replication_group_id"]])
}

_deciding_paths(g) := {[_attribute]} | {["engine"] | core.unset(g, [_attribute])}
