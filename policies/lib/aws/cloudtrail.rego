# Trails (`aws_cloudtrail`) and their boolean settings, for the CloudTrail rules.
package soc2gate.lib.aws.cloudtrail

import data.soc2gate.lib.core

# Managed trails: data sources are never judged.
trails := [trail |
	some trail in core.resources("aws_cloudtrail")
	trail.mode == "managed"
]

# How a message names a trail: its name when known, else its address.
describe(trail) := sprintf("trail %q", [name]) if {
	name := object.get(trail.values, "name", null)
	is_string(name)
} else := sprintf("trail %s", [trail.address])

# Where a boolean setting whose provider default is false is not on: "" (the header) when
# it is unset, the attribute when it is known and not true. Undefined when it is true or
# cannot be known.
not_enabled(trail, attribute) := "" if core.unset(trail, [attribute])

not_enabled(trail, attribute) := attribute if {
	core.known(trail, [attribute])
	value := core.get(trail, [attribute])
	not value in {true, "true"}
}

# The text a message gives for that setting: "unset and defaults to false" or its value.
state(trail, attribute) := "unset and defaults to false" if core.unset(trail, [attribute])

state(trail, attribute) := sprintf("%v", [value]) if {
	core.known(trail, [attribute])
	value := core.get(trail, [attribute])
}
