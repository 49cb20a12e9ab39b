# METADATA
# title: RDS automated backups are kept for at least a week
# description: >-
#   Every `aws_db_instance` and `aws_rds_cluster` must keep its automated backups for at
#   least `min_days` days (7 by default, from 1 to 35, the longest RDS allows):
#   `backup_retention_period` sets it. Unset, the provider's default of 1 day applies and
#   the resource is reported at its header; a lower value is reported at the attribute
#   (0 disables automated backups and point-in-time recovery of an instance). Exempt:
#   instances that belong to a cluster (`aws_rds_cluster_instance`, or an
#   `aws_db_instance` with a `cluster_identifier`), whose backups are the cluster's and
#   are judged there, and read replicas of an instance (`replicate_source_db`), whose data
#   is backed up with their source. A value that cannot be known statically is not
#   judged. Data sources are not judged.
# custom:
#   id: aws-rds-backup-retention
#   severity: medium
#   controls: [A1.2]
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   params:
#     min_days: 7
#   remediation: |
#     Keep automated backups for at least a week (RDS allows up to 35 days):
#
#     ```hcl
#     resource "aws_rds_cluster" "orders" {
#       cluster_identifier      = "orders"
#       engine                  = "aurora-postgresql"
#       backup_retention_period = 14
#       preferred_backup_window = "03:00-04:00"
#       # ...
#     }
#     ```
#
#     The same attribute applies to an `aws_db_instance`.
package soc2gate.aws.rds.backup_retention

import data.soc2gate.lib.aws.rds
import data.soc2gate.lib.core

# The parameter: the fewest days of automated backups accepted (`soc2gate.toml` can
# change it).
default min_days := 7

min_days := data.params["aws-rds-backup-retention"].min_days

# The provider's default retention, in days.
_default_days := 1

invalid_params contains message if {
	not _valid_days(min_days)
	message := sprintf(
		"min_days must be a whole number of days from 1 to 35 (RDS keeps automated backups for at most 35 days); got %s",
		[json.marshal(min_days)],
	)
}

_valid_days(n) if {
	is_number(n)
	n == floor(n)
	n >= 1
	n <= 35
}

_attribute := "backup_retention_period"

deny contains v if {
	some r in _judged
	core.unset(r, [_attribute])
	_default_days < min_days
	v := core.violation(r, "", sprintf(
		"%s does not set backup_retention_period: the provider default keeps automated backups for %d day, fewer than the required %d; set backup_retention_period = %d or more",
		[rds.describe(r), _default_days, min_days, min_days],
	))
}

deny contains v if {
	some r in _judged
	days := _days(r)
	days < min_days
	v := core.violation(r, _attribute, _message(r, days))
}

_message(r, 0) := sprintf(
	"%s sets backup_retention_period = 0, which turns automated backups off; set it to %d or more",
	[rds.describe(r), min_days],
)

_message(r, days) := sprintf(
	"%s keeps automated backups for %v day(s), fewer than the required %d; set backup_retention_period = %d or more",
	[rds.describe(r), days, min_days, min_days],
) if days != 0

# The retention in days when it is known: a number, or a string of digits (Terraform
# converts it).
_days(r) := days if {
	core.known(r, [_attribute])
	days := _number(core.get(r, [_attribute]))
}

_number(v) := v if is_number(v)

_number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}

# Instances and clusters that hold their own backups.
_judged := array.concat(
	[r |
		some r in rds.standalone_instances
		not rds.replica(r)
	],
	rds.clusters,
)

# What the rule could not judge: a backup_retention_period that cannot be known, and an
# instance whose cluster_identifier or replicate_source_db cannot be known (a cluster
# member or a replica is not judged here).
undetermined contains v if {
	some r in _judged
	some v in core.unknown_at(r, [[_attribute]])
}

undetermined contains v if {
	some r in rds.instances
	some v in core.unknown_value_at(r, [["cluster_identifier"], ["replicate_source_db"]])
}
