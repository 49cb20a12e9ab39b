# ElastiCache replication groups judged by the encryption rules, and how messages name
# them.
package soc2gate.lib.aws.elasticache

import data.soc2gate.lib.core

# Managed replication groups that own their encryption settings. A secondary member of a
# global datastore (`global_replication_group_id` set, even to a value that cannot be
# known) inherits them from the datastore's primary group, which is judged instead.
replication_groups := [g |
	some g in core.resources("aws_elasticache_replication_group")
	g.mode == "managed"
	core.unset(g, ["global_replication_group_id"])
]

# The switch at `path` is known to be false (Terraform converts the string "false").
off(g, path) if {
	some v in [false, "false"]
	core.value_is(g, path, v)
}

# The engine, in lower case, with the provider's default "redis" when it is unset.
# Undefined when it cannot be known.
engine(g) := "redis" if core.unset(g, ["engine"])

engine(g) := lower(e) if {
	core.known(g, ["engine"])
	e := core.get(g, ["engine"])
	is_string(e)
}

# How a message names a group: `ElastiCache replication group "sessions"`, else its
# address.
describe(g) := sprintf("ElastiCache replication group %q", [_id(g)])

describe(g) := sprintf("ElastiCache replication group %s", [g.address]) if not _id(g)

_id(g) := id if {
	core.known(g, ["replication_group_id"])
	id := core.get(g, ["replication_group_id"])
	is_string(id)
}
