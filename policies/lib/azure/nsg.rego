# Azure network security group rules that let the internet in, in both Terraform forms:
# inline `security_rule` blocks of `azurerm_network_security_group` and
# `azurerm_network_security_rule` resources (same argument names).
#
# `public_inbound` holds one entry per known inbound Allow rule whose source is the
# internet (`*`, `Internet`, `Any`, `0.0.0.0/0` or `::/0`, in `source_address_prefix` or
# `source_address_prefixes`):
#   {
#     "resource": the group or the rule resource,
#     "block": "security_rule[2]" or "",
#     "attribute": the source attribute to blame,
#     "source": the open source as written,
#     "protocol": "tcp", "udp", "all", ... (see `network.protocol`),
#     "ports": the known destination port ranges ([[22, 22], [0, 65535]]),
#   }
# A direction, access, protocol or source that cannot be known statically leaves the rule
# out; unknown ports are left out of `ports`.
package soc2gate.lib.azure.nsg

import data.soc2gate.lib.core
import data.soc2gate.lib.network

# Source prefixes that mean "anywhere", in lower case.
_public_sources := {"*", "internet", "any", "0.0.0.0/0", "::/0"}

public_inbound := array.concat(_inline, _rules)

_inline := [e |
	some r in core.resources("azurerm_network_security_group")
	r.mode == "managed"
	some i, rule in object.get(r.values, "security_rule", [])
	is_object(rule)
	e := _entry(r, sprintf("security_rule[%d]", [i]), rule)
]

_rules := [e |
	some r in core.resources("azurerm_network_security_rule")
	r.mode == "managed"
	e := _entry(r, "", r.values)
]

_entry(r, block, rule) := {
	"resource": r,
	"block": block,
	"attribute": _join(block, attribute),
	"source": source,
	"protocol": network.protocol(object.get(rule, "protocol", null)),
	"ports": _ports(rule),
	"name": object.get(rule, "name", null),
} if {
	lower(object.get(rule, "direction", "")) == "inbound"
	lower(object.get(rule, "access", "")) == "allow"
	[attribute, source] := _public_source(rule)
}

_public_source(rule) := ["source_address_prefix", p] if {
	p := object.get(rule, "source_address_prefix", null)
	is_string(p)
	lower(p) in _public_sources
}

_public_source(rule) := [sprintf("source_address_prefixes[%d]", [i]), p] if {
	not _single_public(rule)
	prefixes := object.get(rule, "source_address_prefixes", [])
	i := min([k | some k, p in prefixes; is_string(p); lower(p) in _public_sources])
	p := prefixes[i]
}

_single_public(rule) if {
	p := object.get(rule, "source_address_prefix", null)
	is_string(p)
	lower(p) in _public_sources
}

_ports(rule) := array.concat(
	[range | p := object.get(rule, "destination_port_range", null); range := network.port_range(p)],
	[range | some p in object.get(rule, "destination_port_ranges", []); range := network.port_range(p)],
)

_join("", attribute) := attribute

_join(block, attribute) := concat(".", [block, attribute]) if block != ""

# The rule lets `port` in over tcp (protocol `Tcp` or `*`).
opens_tcp_port(e, port) if {
	e.protocol in {"tcp", "all"}
	some range in e.ports
	network.range_contains(range, port)
}

# How a message names the rule: `network security group "web" security_rule[1] ("ssh")`
# or `security rule azurerm_network_security_rule.ssh`.
describe(e) := sprintf("%s %s%s", [_group(e.resource), e.block, _rule_name(e)]) if e.block != ""

describe(e) := sprintf("security rule %s", [e.resource.address]) if e.block == ""

_group(r) := sprintf("network security group %q", [name]) if {
	name := object.get(r.values, "name", null)
	is_string(name)
}

_group(r) := sprintf("network security group %s", [r.address]) if not is_string(object.get(r.values, "name", null))

_rule_name(e) := sprintf(" (%q)", [e.name]) if is_string(e.name)

_rule_name(e) := "" if not is_string(e.name)

# `undetermined` entries for rules whose direction, access, protocol, ports or sources
# cannot be known (reported once, at the outermost unknown value).
unknown_rules := {e |
	some r in core.resources("azurerm_network_security_group")
	r.mode == "managed"
	some e in core.unknown_at(r, [["security_rule"]])
} | core.unknown_in("azurerm_network_security_rule", [[k] | some k in _rule_keys])

_rule_keys := [
	"direction", "access", "protocol", "destination_port_range", "destination_port_ranges",
	"source_address_prefix", "source_address_prefixes",
]
