package soc2gate.azure.nsg.no_public_ssh_test

import data.soc2gate.azure.nsg.no_public_ssh
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_ssh.deny with input as t.input_of(resources)
}

rule(values) := object.union({
	"name": "ssh",
	"priority": 100,
	"direction": "Inbound",
	"access": "Allow",
	"protocol": "Tcp",
	"destination_port_range": "22",
	"source_address_prefix": "*",
}, values)

test_inline_rule_fails_at_its_source if {
	g := t.resource("azurerm_network_security_group", "web", {"name": "web", "security_rule": [rule({})]})
	found_for([g]) == {{
		"resource": "azurerm_network_security_group.web",
		"attribute": "security_rule[0].source_address_prefix",
		"message": `network security group "web" security_rule[0] ("ssh") opens SSH (port 22) to the internet: it allows inbound tcp from "*"; restrict the source to trusted ranges or use Azure Bastion`,
	}}
}

test_rule_resource_with_range_and_internet_tag_fails if {
	r := t.resource("azurerm_network_security_rule", "admin", rule({"destination_port_range": "20-30", "source_address_prefix": "Internet", "protocol": "*"}))
	[v] := [x | some x in found_for([r])]
	v.attribute == "source_address_prefix"
	contains(v.message, `inbound traffic of every protocol from "Internet"`)
}

test_other_ports_sources_and_directions_pass if {
	found_for([t.resource("azurerm_network_security_rule", "a", rule({"destination_port_range": "443"}))]) == set()
	found_for([t.resource("azurerm_network_security_rule", "b", rule({"source_address_prefix": "10.0.0.0/8"}))]) == set()
	found_for([t.resource("azurerm_network_security_rule", "c", rule({"direction": "Outbound"}))]) == set()
	found_for([t.resource("azurerm_network_security_rule", "d", rule({"access": "Deny"}))]) == set()
}

test_unknown_source_stays_silent if {
	r := t.with_unknown(t.resource("azurerm_network_security_rule", "r", object.remove(rule({}), ["source_address_prefix"])), ["source_address_prefix"])
	found_for([r]) == set()
}
