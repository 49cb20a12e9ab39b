# METADATA
# title: Cloud SQL instances do not accept connections from the whole internet
# description: >-
#   No `google_sql_database_instance` may list `0.0.0.0/0` or `::/0` among the
#   `settings.ip_configuration.authorized_networks` of its public IP: the database would
#   accept connection attempts from anywhere. Each such network is reported at its
#   `value`. An instance whose public IP is off (`ipv4_enabled = false`; the default is
#   true) ignores its authorized networks and is not judged, nor is a network whose value
#   cannot be known statically, nor a data source.
# custom:
#   id: gcp-sql-no-public-network
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [google_sql_database_instance]
#   remediation: |
#     Authorize only the networks that need to connect, or better, turn the public IP off
#     and connect through private IP or the Cloud SQL Auth Proxy:
#
#     ```hcl
#     resource "google_sql_database_instance" "main" {
#       name             = "main"
#       database_version = "POSTGRES_16"
#       region           = "europe-west1"
#
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ipv4_enabled    = false
#           private_network = google_compute_network.vpc.id
#           ssl_mode        = "ENCRYPTED_ONLY"
#         }
#       }
#     }
#     ```
package soc2gate.gcp.sql.no_public_network

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.sql
import data.soc2gate.lib.network

deny contains v if {
	some i in sql.instances
	sql.public_ip(i)
	some k, net in core.get(i, array.concat(sql.ip_configuration, ["authorized_networks"]))
	cidr := object.get(net, "value", null)
	cidr in network.anywhere_cidrs
	path := array.concat(sql.ip_configuration, ["authorized_networks", k, "value"])
	v := core.violation(i, core.path_text(path), sprintf(
		"%s authorizes %s: its public IP accepts connections from the whole internet; authorize only the networks that need access, or use private IP",
		[sql.describe(i), cidr],
	))
}

# Authorized networks that cannot be known, and whether the public IP is on when an
# instance authorizes the whole internet.
undetermined contains v if {
	some i in sql.instances
	not core.value_is(i, array.concat(sql.ip_configuration, ["ipv4_enabled"]), false)
	some v in core.unknown_at(i, _network_values(i))
}

# The value of every authorized network (of the first, when the blocks themselves cannot
# be known).
_network_values(i) := array.concat(
	[array.concat(sql.ip_configuration, ["authorized_networks", 0, "value"])],
	[array.concat(sql.ip_configuration, ["authorized_networks", k, "value"]) |
		some k, _ in core.get(i, array.concat(sql.ip_configuration, ["authorized_networks"]))
	],
)

undetermined contains v if {
	some i in sql.instances
	some net in core.get(i, array.concat(sql.ip_configuration, ["authorized_networks"]))
	object.get(net, "value", null) in network.anywhere_cidrs
	some v in core.unknown_at(i, [array.concat(sql.ip_configuration, ["ipv4_enabled"])])
}
