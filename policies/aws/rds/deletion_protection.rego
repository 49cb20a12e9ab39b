# METADATA
# title: RDS instances and clusters have deletion protection
# description: >-
#   Every `aws_db_instance` and `aws_rds_cluster` must set `deletion_protection = true`,
#   so that neither a `terraform destroy`, a replacement nor a call to the API can delete
#   the database until the protection is turned off first. Unset, the provider's default
#   `false` applies and the resource is reported at its header; `deletion_protection =
#   false` is reported at the attribute. Exempt: instances that belong to a cluster
#   (`aws_rds_cluster_instance`, or an `aws_db_instance` with a `cluster_identifier`):
#   RDS protects Aurora at the cluster level, which is judged instead. Read replicas are
#   judged like other instances. A value that cannot be known statically is not judged.
#   Data sources are not judged.
# custom:
#   id: aws-rds-deletion-protection
#   severity: medium
#   controls: [A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   remediation: |
#     Turn deletion protection on:
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier          = "orders"
#       deletion_protection = true
#       # ...
#     }
#     ```
#
#     The same attribute applies to an `aws_rds_cluster`. To delete the database later,
#     set it to `false` and apply first.
package soc2gate.aws.rds.deletion_protection

import data.soc2gate.lib.aws.rds
import data.soc2gate.lib.core

deny contains v if {
	some r in _judged
	core.unset(r, ["deletion_protection"])
	v := core.violation(r, "", sprintf(
		"%s does not set deletion_protection, which defaults to false: the database can be deleted by a destroy or a replacement; set deletion_protection = true",
		[rds.describe(r)],
	))
}

deny contains v if {
	some r in _judged
	rds.is_false(r, ["deletion_protection"])
	v := core.violation(r, "deletion_protection", sprintf(
		"%s sets deletion_protection = false: the database can be deleted by a destroy or a replacement; set deletion_protection = true",
		[rds.describe(r)],
	))
}

_judged := array.concat(rds.standalone_instances, rds.clusters)

# What the rule could not judge: a deletion_protection that cannot be known, and an
# instance whose cluster_identifier cannot be known (a cluster member is not judged here).
undetermined contains v if {
	some r in _judged
	some v in core.unknown_at(r, [["deletion_protection"]])
}

undetermined contains v if {
	some r in rds.instances
	some v in core.unknown_value_at(r, [["cluster_identifier"]])
}
