package soc2gate.lib.azure.nsg_test

import data.soc2gate.lib.azure.nsg
import data.soc2gate.lib.inputs_test as t

entries(resources) := found if {
	found := nsg.public_inbound with input as t.input_of(resources)
}

rule(values) := object.union({
	"name": "ssh",
	"priority": 100,
	"direction": "Inbound",
	"access": "Allow",
	"protocol": "Tcp",
	"source_port_range": "*",
	"destination_port_range": "22",
	"source_address_prefix": "*",
	"destination_address_prefix": "*",
}, values)

test_inline_and_resource_rules if {
	g := t.resource("azurerm_network_security_group", "web", {"name": "web", "security_rule": [rule({"source_address_prefix": "10.0.0.0/8"}), rule({})]})
	r := t.resource("azurerm_network_security_rule", "rdp", rule({"destination_port_range": "3380-3390", "source_address_prefix": "Internet"}))
	[a, b] := entries([g, r])
	a.attribute == "security_rule[1].source_address_prefix"
	a.ports == [[22, 22]]
	nsg.describe(a) == `network security group "web" security_rule[1] ("ssh")`
	nsg.opens_tcp_port(a, 22)
	b.attribute == "source_address_prefix"
	nsg.describe(b) == "security rule azurerm_network_security_rule.rdp"
	nsg.opens_tcp_port(b, 3389)
}

test_prefix_lists_and_port_lists if {
	r := t.resource("azurerm_network_security_rule", "r", object.remove(rule({
		"source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"],
		"destination_port_ranges": ["443", "20-25"],
		"protocol": "*",
	}), ["source_address_prefix", "destination_port_range"]))
	[e] := entries([r])
	e.attribute == "source_address_prefixes[1]"
	e.protocol == "all"
	nsg.opens_tcp_port(e, 22)
	not nsg.opens_tcp_port(e, 3389)
}

test_any_port_and_udp if {
	[e] := entries([t.resource("azurerm_network_security_rule", "r", rule({"destination_port_range": "*"}))])
	nsg.opens_tcp_port(e, 3389)
	[u] := entries([t.resource("azurerm_network_security_rule", "r", rule({"protocol": "Udp"}))])
	not nsg.opens_tcp_port(u, 22)
}

test_outbound_deny_and_narrow_sources_are_left_out if {
	entries([t.resource("azurerm_network_security_rule", "r", rule({"direction": "Outbound"}))]) == []
	entries([t.resource("azurerm_network_security_rule", "r", rule({"access": "Deny"}))]) == []
	entries([t.resource("azurerm_network_security_rule", "r", rule({"source_address_prefix": "VirtualNetwork"}))]) == []
}

test_unknown_values_are_left_out if {
	entries([t.with_unknown(t.resource("azurerm_network_security_rule", "r", object.remove(rule({}), ["source_address_prefix"])), ["source_address_prefix"])]) == []
	entries([t.with_unknown(t.resource("azurerm_network_security_rule", "r", object.remove(rule({}), ["direction"])), ["direction"])]) == []
	[e] := entries([t.with_unknown(t.resource("azurerm_network_security_rule", "r", object.remove(rule({}), ["destination_port_range"])), ["destination_port_range"])])
	not nsg.opens_tcp_port(e, 22)
}
