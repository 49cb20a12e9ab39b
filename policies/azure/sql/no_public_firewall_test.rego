package soc2gate.azure.sql.no_public_firewall_test

import data.soc2gate.azure.sql.no_public_firewall
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_firewall.deny with input as t.input_of(resources)
}

test_whole_range_fails if {
	found_for([t.resource("azurerm_mssql_firewall_rule", "all", {"name": "all", "start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})]) == {{
		"resource": "azurerm_mssql_firewall_rule.all",
		"attribute": "end_ip_address",
		"message": `SQL firewall rule "all" admits every address on the internet (0.0.0.0 to 255.255.255.255); admit only the addresses that need to connect`,
	}}
	count(found_for([t.resource("azurerm_sql_firewall_rule", "old", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})])) == 1
}

test_azure_services_and_narrow_ranges_pass if {
	found_for([t.resource("azurerm_mssql_firewall_rule", "azure", {"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"})]) == set()
	found_for([t.resource("azurerm_mssql_firewall_rule", "office", {"start_ip_address": "203.0.113.10", "end_ip_address": "203.0.113.20"})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("azurerm_mssql_firewall_rule", "x", {"start_ip_address": "0.0.0.0"}), ["end_ip_address"])]) == set()
}
