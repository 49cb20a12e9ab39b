package soc2gate.azure.nsg.no_public_rdp_test

import data.soc2gate.azure.nsg.no_public_rdp
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_rdp.deny with input as t.input_of(resources)
}

rule(values) := object.union({
	"name": "rdp",
	"direction": "Inbound",
	"access": "Allow",
	"protocol": "Tcp",
	"destination_port_range": "3389",
	"source_address_prefix": "0.0.0.0/0",
}, values)

test_rdp_from_anywhere_fails if {
	found_for([t.resource("azurerm_network_security_rule", "rdp", rule({}))]) == {{
		"resource": "azurerm_network_security_rule.rdp",
		"attribute": "source_address_prefix",
		"message": `security rule azurerm_network_security_rule.rdp opens RDP (port 3389) to the internet: it allows inbound tcp from "0.0.0.0/0"; restrict the source to trusted ranges or use Azure Bastion`,
	}}
}

test_any_port_fails if {
	count(found_for([t.resource("azurerm_network_security_rule", "r", rule({"destination_port_range": "*"}))])) == 1
}

test_ssh_only_passes if {
	found_for([t.resource("azurerm_network_security_rule", "r", rule({"destination_port_range": "22"}))]) == set()
}

test_unknown_port_stays_silent if {
	r := t.with_unknown(t.resource("azurerm_network_security_rule", "r", object.remove(rule({}), ["destination_port_range"])), ["destination_port_range"])
	found_for([r]) == set()
}
