# METADATA
# title: RDS instances and clusters encrypt their storage
# description: >-
#   Every `aws_db_instance` and `aws_rds_cluster` must set `storage_encrypted = true`, so
#   that the database storage, its automated backups, snapshots and logs are encrypted at
#   rest. Unset, the provider's default `false` applies and the resource is reported at its
#   header; `storage_encrypted = false` is reported at the attribute. A database restored
#   from a snapshot is judged the same way: declaring `storage_encrypted = true` makes
#   Terraform show a difference if the snapshot was not encrypted. Exempt: read replicas
#   (`replicate_source_db` on an instance, `replication_source_identifier` on a cluster),
#   which inherit the encryption of their source; Aurora Serverless v1 clusters
#   (`engine_mode = "serverless"`), which are always encrypted; and instances that belong
#   to a cluster (`aws_rds_cluster_instance`, or an `aws_db_instance` with a
#   `cluster_identifier`), whose storage is the cluster's and is judged there. A value that
#   cannot be known statically (`storage_encrypted`, `engine_mode`, or a replica source
#   from a variable without a default) is not judged. Data sources are not judged.
# custom:
#   id: aws-rds-encryption
#   severity: high
#   controls: [CC6.1, C1.1]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: |
#     Encrypt the storage, preferably with a customer managed KMS key. Encryption cannot
#     be turned on for an existing database: Terraform replaces it, so restore it from an
#     encrypted copy of a snapshot to keep its data.
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier        = "orders"
#       engine            = "postgres"
#       instance_class    = "db.t4g.medium"
#       allocated_storage = 50
#       storage_encrypted = true
#       kms_key_id        = aws_kms_key.rds.arn
#       # ...
#     }
#     ```
#
#     The same attribute applies to an `aws_rds_cluster`.
package soc2gate.aws.rds.encryption

import data.soc2gate.lib.aws.rds
import data.soc2gate.lib.core

deny contains v if {
	some r in _judged
	core.unset(r, ["storage_encrypted"])
	v := core.violation(r, "", sprintf(
		"%s does not set storage_encrypted, which defaults to false: its storage is not encrypted at rest; set storage_encrypted = true",
		[rds.describe(r)],
	))
}

deny contains v if {
	some r in _judged
	rds.is_false(r, ["storage_encrypted"])
	v := core.violation(r, "storage_encrypted", sprintf(
		"%s sets storage_encrypted = false: its storage is not encrypted at rest; set storage_encrypted = true",
		[rds.describe(r)],
	))
}

# Instances and clusters that hold their own storage and do not inherit its encryption.
_judged := array.concat(
	[r |
		some r in rds.standalone_instances
		not rds.replica(r)
	],
	[c |
		some c in rds.clusters
		not rds.cluster_replica(c)
		not rds.serverless_v1(c)
	],
)

# What the rule could not judge: a storage_encrypted that cannot be known, and a database
# whose cluster membership, replication source or engine mode cannot be known (replicas,
# cluster members and Serverless v1 clusters are not judged here).
undetermined contains v if {
	some r in _judged
	some v in core.unknown_at(r, [["storage_encrypted"]])
}

undetermined contains v if {
	some r in rds.instances
	some v in core.unknown_value_at(r, [["cluster_identifier"], ["replicate_source_db"]])
}

undetermined contains v if {
	some c in rds.clusters
	some v in core.unknown_value_at(c, [["replication_source_identifier"], ["engine_mode"]])
}
