# The RDS resources the rules judge, and the roles that exempt some of them:
# - DB instances (`aws_db_instance`) and clusters (`aws_rds_cluster`, Aurora and Multi-AZ
#   DB clusters) hold their own storage settings and backups;
# - an instance that belongs to a cluster (`aws_rds_cluster_instance`, or an
#   `aws_db_instance` with a `cluster_identifier`) takes its storage encryption, backups
#   and deletion protection from the cluster, which is judged instead;
# - a read replica (`replicate_source_db`, `replication_source_identifier` for a
#   cluster) takes its encryption from its source.
package soc2gate.lib.aws.rds

import data.soc2gate.lib.core

# Managed DB instances (data sources are read, never judged).
instances := [r |
	some r in core.resources("aws_db_instance")
	r.mode == "managed"
]

# Managed DB clusters.
clusters := [r |
	some r in core.resources("aws_rds_cluster")
	r.mode == "managed"
]

# Managed Aurora cluster instances.
cluster_instances := [r |
	some r in core.resources("aws_rds_cluster_instance")
	r.mode == "managed"
]

# DB instances that are not (or cannot be known not to be) members of a cluster: the ones
# whose storage, backups and deletion protection are their own.
standalone_instances := [r |
	some r in instances
	not in_cluster(r)
]

# The instance belongs to a cluster, or may: `cluster_identifier` is set or unknown.
in_cluster(r) if _set(r, ["cluster_identifier"])

# The instance is a read replica, or may be one: `replicate_source_db` is set or unknown
# (it usually references the source, `aws_db_instance.primary.identifier`).
replica(r) if _set(r, ["replicate_source_db"])

# The cluster is a read replica of another cluster or instance, or may be one.
cluster_replica(c) if _set(c, ["replication_source_identifier"])

# The cluster is Aurora Serverless v1 (`engine_mode = "serverless"`), or may be one: its
# storage is always encrypted.
serverless_v1(c) if core.value_is(c, ["engine_mode"], "serverless")

serverless_v1(c) if core.unknown(c, ["engine_mode"])

# Set to something other than an empty string, or unknown. The provider treats "" as
# unset.
_set(r, path) if {
	not core.unset(r, path)
	not core.value_is(r, path, "")
}

# The value at `path` is known and true; Terraform converts the string "true" too.
is_true(r, path) if {
	core.known(r, path)
	core.get(r, path) in {true, "true"}
}

# The value at `path` is known and false (or "false").
is_false(r, path) if {
	core.known(r, path)
	core.get(r, path) in {false, "false"}
}

# How a message names a resource: `RDS DB instance "orders"`, `RDS cluster "orders"`,
# `RDS cluster instance "orders-1"`, else by address (a generated identifier).
describe(r) := sprintf("%s %q", [_kind[r.type], name]) if {
	name := object.get(r.values, _name_attribute[r.type], null)
	is_string(name)
}

describe(r) := sprintf("%s %s", [_kind[r.type], r.address]) if {
	not is_string(object.get(r.values, _name_attribute[r.type], null))
}

_kind := {
	"aws_db_instance": "RDS DB instance",
	"aws_rds_cluster": "RDS cluster",
	"aws_rds_cluster_instance": "RDS cluster instance",
}

_name_attribute := {
	"aws_db_instance": "identifier",
	"aws_rds_cluster": "cluster_identifier",
	"aws_rds_cluster_instance": "identifier",
}
