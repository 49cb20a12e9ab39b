# METADATA
# title: Cloud SQL instances take automated backups
# description: >-
#   Every primary `google_sql_database_instance` must set
#   `settings.backup_configuration.enabled = true`. Without the block, or with `enabled`
#   unset, automated backups are off (the Google provider's default is false) and the
#   instance is reported. Read replicas (`master_instance_name` set) cannot take backups
#   of their own and are exempt. A value that cannot be known statically is not judged,
#   nor is a data source.
# custom:
#   id: gcp-sql-backups
#   severity: medium
#   controls: [A1.2]
#   resource_types: [google_sql_database_instance]
#   remediation: |
#     Turn on automated backups (and point-in-time recovery where the engine has it):
#
#     ```hcl
#     resource "google_sql_database_instance" "main" {
#       name             = "main"
#       database_version = "POSTGRES_16"
#       region           = "europe-west1"
#
#       settings {
#         tier = "db-custom-2-7680"
#         backup_configuration {
#           enabled                        = true
#           point_in_time_recovery_enabled = true
#         }
#       }
#     }
#     ```
package soc2gate.gcp.sql.backups

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.sql

_enabled := ["settings", 0, "backup_configuration", 0, "enabled"]

deny contains v if {
	some i in sql.instances
	sql.primary(i)
	core.unset(i, _enabled)
	v := core.violation(i, "settings[0].backup_configuration[0]", sprintf(
		"%s does not enable automated backups: backup_configuration.enabled is unset and defaults to false; set it to true",
		[sql.describe(i)],
	))
}

deny contains v if {
	some i in sql.instances
	sql.primary(i)
	core.known(i, _enabled)
	value := core.get(i, _enabled)
	not value in {true, "true"}
	v := core.violation(i, core.path_text(_enabled), sprintf(
		"%s does not enable automated backups: backup_configuration.enabled is %v; set it to true",
		[sql.describe(i), value],
	))
}

undetermined contains v if {
	some i in sql.instances
	some v in core.unknown_value_at(i, [["master_instance_name"]])
}

undetermined contains v if {
	some i in sql.instances
	sql.primary(i)
	some v in core.unknown_at(i, [_enabled])
}
