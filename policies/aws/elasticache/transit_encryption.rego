# METADATA
# title: ElastiCache replication groups encrypt data in transit
# description: >-
#   Every `aws_elasticache_replication_group` must set `transit_encryption_enabled =
#   true`, so that clients and nodes talk over TLS. When the attribute is unset the
#   group is created without transit encryption (the ElastiCache API's default), so it
#   is reported. A secondary member of a global datastore (`global_replication_group_id`
#   set) inherits encryption from the datastore's primary group and is exempt. A value
#   that cannot be known statically is not judged.
# custom:
#   id: aws-elasticache-transit-encryption
#   severity: medium
#   controls: [CC6.7]
#   resource_types: [aws_elasticache_replication_group]
#   remediation: |
#     Enable encryption in transit. From engine version 7.0.5 an existing group can be
#     migrated without downtime: first with `transit_encryption_mode = "preferred"`, then,
#     once every client uses TLS, `"required"`; older versions replace the group.
#
#     ```hcl
#     resource "aws_elasticache_replication_group" "sessions" {
#       replication_group_id       = "sessions"
#       description                = "session store"
#       node_type                  = "cache.t4g.small"
#       num_cache_clusters         = 2
#       at_rest_encryption_enabled = true
#       transit_encryption_enabled = true
#       transit_encryption_mode    = "required"
#     }
#     ```
package soc2gate.aws.elasticache.transit_encryption

import data.soc2gate.lib.aws.elasticache
import data.soc2gate.lib.core

_attribute := "transit_encryption_enabled"

deny contains v if {
	some g in elasticache.replication_groups
	elasticache.off(g, [_attribute])
	v := core.violation(g, _attribute, sprintf(
		"%s sets transit_encryption_enabled = false, so clients connect without TLS; set it to true",
		[elasticache.describe(g)],
	))
}

deny contains v if {
	some g in elasticache.replication_groups
	core.unset(g, [_attribute])
	v := core.violation(g, "", sprintf(
		"%s does not set transit_encryption_enabled, which defaults to false, so clients connect without TLS; set it to true",
		[elasticache.describe(g)],
	))
}

# What the rule could not judge: a transit_encryption_enabled that cannot be known, and a group whose
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

_deciding_paths(_) := {[_attribute]}
