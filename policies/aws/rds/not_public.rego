# METADATA
# title: RDS databases are not publicly accessible
# description: >-
#   An `aws_db_instance`, `aws_rds_cluster_instance` or `aws_rds_cluster` (Multi-AZ DB
#   clusters) must not set `publicly_accessible = true`: a publicly accessible database
#   gets a DNS name that resolves to a public IP address, reachable from the internet as
#   far as its security groups and subnet routes allow. Unset, the provider's default
#   `false` applies and the resource passes. A value that cannot be known statically is
#   not judged. Data sources are not judged.
# custom:
#   id: aws-rds-not-public
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [aws_db_instance, aws_rds_cluster, aws_rds_cluster_instance]
#   remediation: |
#     Keep the database private: remove `publicly_accessible` (it defaults to `false`)
#     or set it to `false`, place it in private subnets, and reach it from inside the VPC
#     (a bastion, AWS Systems Manager Session Manager, or a VPN).
#
#     ```hcl
#     resource "aws_db_instance" "orders" {
#       identifier             = "orders"
#       publicly_accessible    = false
#       db_subnet_group_name   = aws_db_subnet_group.private.name
#       vpc_security_group_ids = [aws_security_group.orders_db.id]
#       # ...
#     }
#     ```
package soc2gate.aws.rds.not_public

import data.soc2gate.lib.aws.rds
import data.soc2gate.lib.core

deny contains v if {
	some r in _judged
	rds.is_true(r, ["publicly_accessible"])
	v := core.violation(r, "publicly_accessible", sprintf(
		"%s sets publicly_accessible = true: its endpoint resolves to a public IP address reachable from the internet; set publicly_accessible = false",
		[rds.describe(r)],
	))
}

_judged := array.concat(array.concat(rds.instances, rds.cluster_instances), rds.clusters)

# What the rule could not judge: a publicly_accessible that cannot be known.
undetermined contains v if {
	some r in _judged
	some v in core.unknown_at(r, [["publicly_accessible"]])
}
