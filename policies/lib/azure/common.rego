# Helpers shared by the Azure rules: managed resources of a type, the first known of two
# attribute names (azurerm renamed several attributes between major versions), and how a
# message names a resource.
package soc2gate.lib.azure.common

import data.soc2gate.lib.core

# The managed resources of `type_name`.
managed(type_name) := [r |
	some r in core.resources(type_name)
	r.mode == "managed"
]

# The attribute of `names` that is set, as `[name, value]`: the current provider's name
# first, then the older one (e.g. `["https_traffic_only_enabled",
# "enable_https_traffic_only"]`). Undefined when none is set, or when the one set cannot
# be known.
setting(r, names) := [name, value] if {
	some name in names
	core.known(r, [name])
	value := core.get(r, [name])
	not _earlier_set(r, names, name)
}

_earlier_set(r, names, name) if {
	some i, n in names
	n == name
	some j, m in names
	j < i
	not core.unset(r, [m])
}

# None of `names` is set (and none is unknown): the provider's default applies.
all_unset(r, names) if {
	every name in names {
		core.unset(r, [name])
	}
}

# `storage account "acmelogs"` for (`storage account`, r), by the `name` attribute when it is
# known, else by address.
describe(kind, r) := sprintf("%s %q", [kind, name]) if {
	name := object.get(r.values, "name", null)
	is_string(name)
}

describe(kind, r) := sprintf("%s %s", [kind, r.address]) if not is_string(object.get(r.values, "name", null))
