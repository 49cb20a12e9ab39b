# Google Cloud VPC firewall rules (`google_compute_firewall`) that let the internet in.
#
# `public_allows` holds one entry per `allow` block of an enabled ingress rule
# (`direction` unset or `INGRESS`, `disabled` unset or false) whose `source_ranges` hold
# `0.0.0.0/0` or `::/0`:
#   {
#     "resource": the firewall,
#     "block": "allow[1]",
#     "cidrs": the open ranges, ["0.0.0.0/0"],
#     "protocol": "all", "tcp", "udp", ... (see `network.protocol`),
#     "ports": the known port ranges ([[22, 22], [8000, 8080]]), or null for every port
#              (no `ports` written),
#   }
# A protocol, direction, disabled flag or source list that cannot be known statically
# leaves the block out; unknown ports are left out of `ports`.
package soc2gate.lib.gcp.firewall

import data.soc2gate.lib.core
import data.soc2gate.lib.network

public_allows := [e |
	some r in core.resources("google_compute_firewall")
	r.mode == "managed"
	_ingress(r)
	_enabled(r)
	cidrs := [c | some c in object.get(r.values, "source_ranges", []); c in network.anywhere_cidrs]
	count(cidrs) > 0
	some i, allow in object.get(r.values, "allow", [])
	is_object(allow)
	p := network.protocol(object.get(allow, "protocol", null))
	e := {
		"resource": r,
		"block": sprintf("allow[%d]", [i]),
		"cidrs": cidrs,
		"protocol": p,
		"ports": _ports(r, i, allow),
	}
]

_ingress(r) if core.unset(r, ["direction"])

_ingress(r) if core.value_is(r, ["direction"], "INGRESS")

_enabled(r) if core.unset(r, ["disabled"])

_enabled(r) if core.value_is(r, ["disabled"], false)

# No `ports` (and not unknown): every port of the protocol.
_ports(r, i, allow) := null if core.unset(r, ["allow", i, "ports"])

_ports(r, i, allow) := [range |
	some port in allow.ports
	range := network.port_range(port)
] if not core.unset(r, ["allow", i, "ports"])

# The allow block lets `port` in over tcp: the protocol is `all`, or `tcp` with no ports
# (every port) or a range containing it.
opens_tcp_port(e, _) if e.protocol == "all"

opens_tcp_port(e, _) if {
	e.protocol == "tcp"
	e.ports == null
}

opens_tcp_port(e, port) if {
	e.protocol == "tcp"
	is_array(e.ports)
	some range in e.ports
	network.range_contains(range, port)
}

# `firewall "allow-ssh"` when the name is known, else the address.
describe(e) := sprintf("firewall %q", [name]) if {
	name := object.get(e.resource.values, "name", null)
	is_string(name)
}

describe(e) := sprintf("firewall %s", [e.resource.address]) if not is_string(object.get(e.resource.values, "name", null))

# "0.0.0.0/0", or "0.0.0.0/0 and ::/0".
sources(e) := concat(" and ", e.cidrs)
