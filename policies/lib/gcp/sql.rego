# Cloud SQL instances: the managed `google_sql_database_instance`s of the input, their
# `settings[0].ip_configuration[0]` block, and how a message names one.
package soc2gate.lib.gcp.sql

import data.soc2gate.lib.core

# The managed instances.
instances := [i |
	some i in core.resources("google_sql_database_instance")
	i.mode == "managed"
]

# The path of the IP configuration block.
ip_configuration := ["settings", 0, "ip_configuration", 0]

# The instance has a public IPv4 address: `ipv4_enabled` is true, or unset (the API's
# default is true) without an IP configuration that cannot be known.
public_ip(i) if core.value_is(i, array.concat(ip_configuration, ["ipv4_enabled"]), true)

public_ip(i) if core.unset(i, array.concat(ip_configuration, ["ipv4_enabled"]))

# Certainly not a read replica: `master_instance_name` is not set (a replica's backups
# and much of its configuration follow its primary).
primary(i) if core.unset(i, ["master_instance_name"])

# `Cloud SQL instance "main-db"` when the name is known, else the address.
describe(i) := sprintf("Cloud SQL instance %q", [name]) if {
	name := object.get(i.values, "name", null)
	is_string(name)
}

describe(i) := sprintf("Cloud SQL instance %s", [i.address]) if not is_string(object.get(i.values, "name", null))
