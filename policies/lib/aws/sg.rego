# Security group ingress in its three Terraform forms, normalised into one list:
# - inline `ingress` blocks of `aws_security_group` (`protocol`, `from_port`, `to_port`,
#   `cidr_blocks`, `ipv6_cidr_blocks`),
# - `aws_security_group_rule` with `type = "ingress"` (same argument names),
# - `aws_vpc_security_group_ingress_rule` (`ip_protocol`, `from_port`, `to_port`,
#   `cidr_ipv4`, `cidr_ipv6`).
# Egress never appears. Only managed resources are read.
#
# `public_ingress` holds one entry per ingress rule that is known to be open to the
# internet (`0.0.0.0/0` or `::/0`) and whose protocol is known:
#   {
#     "resource": <the resource>,
#     "block": "ingress[1]" (inline) or "",
#     "attribute": the CIDR attribute to blame ("ingress[1].cidr_blocks", "cidr_ipv4"),
#     "cidr_attribute": its name ("cidr_blocks"),
#     "cidrs": the open ranges, ["0.0.0.0/0", "::/0"],
#     "protocol": "all", "tcp", "udp" or the protocol as written (lower case),
#     "ports": [from, to] when both are known, else null,
#   }
# An unknown protocol, port or CIDR list is absent from `values`, so such a rule is either
# left out or carries `ports: null`, and `opens_port`/`opens_all_ports` do not judge it. A
# CIDR list with an unknown element (kept as null) and a known `0.0.0.0/0` is still open.
package soc2gate.lib.aws.sg

import data.soc2gate.lib.core
import data.soc2gate.lib.network

# The ranges that mean "anywhere" (see `network.anywhere_cidrs`).
anywhere_ipv4 := "0.0.0.0/0"

anywhere_ipv6 := "::/0"

public_ingress := array.concat(_inline, array.concat(_group_rules, _vpc_rules))

_inline := [e |
	some r in core.resources("aws_security_group")
	r.mode == "managed"
	some i, block in object.get(r.values, "ingress", [])
	is_object(block)
	e := _entry(r, sprintf("ingress[%d]", [i]), block, ["cidr_blocks", "ipv6_cidr_blocks"], "protocol")
]

_group_rules := [e |
	some r in core.resources("aws_security_group_rule")
	r.mode == "managed"
	object.get(r.values, "type", null) == "ingress"
	e := _entry(r, "", r.values, ["cidr_blocks", "ipv6_cidr_blocks"], "protocol")
]

_vpc_rules := [e |
	some r in core.resources("aws_vpc_security_group_ingress_rule")
	r.mode == "managed"
	e := _entry(r, "", r.values, ["cidr_ipv4", "cidr_ipv6"], "ip_protocol")
]

# `v` is the object holding the rule's arguments (an inline block or the values of a
# resource), `block` its path ("" for a resource), `keys` its IPv4 and IPv6 CIDR keys.
_entry(r, block, v, keys, protocol_key) := {
	"resource": r,
	"block": block,
	"attribute": _join(block, key),
	"cidr_attribute": key,
	"cidrs": [c | some [_, c] in open],
	"protocol": p,
	"ports": _ports(v),
} if {
	p := protocol(object.get(v, protocol_key, null))
	open := [[k, c] |
		some [k, c] in [[keys[0], anywhere_ipv4], [keys[1], anywhere_ipv6]]
		_holds(object.get(v, k, null), c)
	]
	count(open) > 0
	key := open[0][0]
}

_join("", key) := key

_join(block, key) := concat(".", [block, key]) if block != ""

# A CIDR argument (a list, or one string for the VPC rule resource) holds `cidr`. Unknown
# elements of a list are null and never match.
_holds(x, cidr) if x == cidr

_holds(x, cidr) if {
	is_array(x)
	cidr in x
}

# The protocol, normalised (see `network.protocol`): "all", "tcp", "udp", ...
protocol(p) := network.protocol(p)

# [from_port, to_port] when both are known numbers (or numeric strings), else null.
_ports(v) := [from, to] if {
	from := network.port(object.get(v, "from_port", null))
	to := network.port(object.get(v, "to_port", null))
} else := null

# The rule lets traffic reach `port` over one of `protocols` ("tcp", "udp"). All
# protocols (`-1`) means every port, whatever the port arguments say.
opens_port(e, _, _) if e.protocol == "all"

opens_port(e, port, protocols) if {
	e.protocol in protocols
	network.range_contains(e.ports, port)
}

# The rule opens every port: all protocols, or a tcp or udp range 0-65535 (or 1-65535).
opens_all_ports(e) if e.protocol == "all"

opens_all_ports(e) if {
	e.protocol in {"tcp", "udp"}
	network.range_is_all(e.ports)
}

# How a message names the rule: `security group "web" ingress[1]`, `security group rule
# aws_security_group_rule.ssh`, `ingress rule aws_vpc_security_group_ingress_rule.ssh`.
describe(e) := concat(" ", [_group(e.resource), e.block]) if e.block != ""

describe(e) := sprintf("security group rule %s", [e.resource.address]) if e.resource.type == "aws_security_group_rule"

describe(e) := sprintf("ingress rule %s", [e.resource.address]) if e.resource.type == "aws_vpc_security_group_ingress_rule"

_group(r) := sprintf("security group %q", [name]) if {
	name := object.get(r.values, "name", null)
	is_string(name)
}

_group(r) := sprintf("security group %s", [r.address]) if not is_string(object.get(r.values, "name", null))

# What the rule allows: "all traffic", "tcp port 22", "tcp ports 0-65535".
traffic(e) := "all traffic" if e.protocol == "all"

traffic(e) := sprintf("%s port %d", [e.protocol, from]) if {
	e.protocol != "all"
	[from, to] := e.ports
	from == to
}

traffic(e) := sprintf("%s ports %d-%d", [e.protocol, from, to]) if {
	e.protocol != "all"
	[from, to] := e.ports
	from != to
}

# "0.0.0.0/0", or "0.0.0.0/0 and ::/0".
sources(e) := concat(" and ", e.cidrs)

# Ingress whose openness to the internet cannot be known, as `undetermined` entries: an
# `ingress` block that cannot be known (`dynamic`), a rule whose `type` cannot be, sources
# that cannot be, and the protocol or ports of ingress known to be open to the internet.
# The rules about ports report them all: a source that cannot be known may be anywhere.
undetermined_ingress := {core.cannot_judge(r, ["ingress"]) |
	some r in core.resources("aws_security_group")
	r.mode == "managed"
	core.unknown(r, ["ingress"])
} | {e |
	some r in core.resources("aws_security_group")
	r.mode == "managed"
	some i, block in object.get(r.values, "ingress", [])
	is_object(block)
	some e in _doubts(r, ["ingress", i], block, ["cidr_blocks", "ipv6_cidr_blocks"], "protocol")
} | {core.cannot_judge(r, ["type"]) |
	some r in core.resources("aws_security_group_rule")
	r.mode == "managed"
	core.unknown(r, ["type"])
} | {e |
	some r in core.resources("aws_security_group_rule")
	r.mode == "managed"
	object.get(r.values, "type", null) == "ingress"
	some e in _doubts(r, [], r.values, ["cidr_blocks", "ipv6_cidr_blocks"], "protocol")
} | {e |
	some r in core.resources("aws_vpc_security_group_ingress_rule")
	r.mode == "managed"
	some e in _doubts(r, [], r.values, ["cidr_ipv4", "cidr_ipv6"], "ip_protocol")
}

# The sources first: when they are known and not the internet, nothing else matters.
_doubts(r, prefix, _, keys, _) := entries if {
	entries := core.unknown_at(r, _paths(prefix, keys))
	count(entries) > 0
}

_doubts(r, prefix, v, keys, protocol_key) := entries if {
	count(core.unknown_at(r, _paths(prefix, keys))) == 0
	some [k, c] in [[keys[0], anywhere_ipv4], [keys[1], anywhere_ipv6]]
	_holds(object.get(v, k, null), c)
	entries := core.unknown_at(r, _paths(prefix, [protocol_key, "from_port", "to_port"]))
}

_paths(prefix, keys) := [path |
	some key in keys
	path := array.concat(prefix, [key])
]
