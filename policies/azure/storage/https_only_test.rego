package soc2gate.azure.storage.https_only_test

import data.soc2gate.azure.storage.https_only
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := https_only.deny with input as t.input_of(resources)
}

test_v4_name_false_fails if {
	found_for([t.resource("azurerm_storage_account", "a", {"name": "acme", "https_traffic_only_enabled": false})]) == {{
		"resource": "azurerm_storage_account.a",
		"attribute": "https_traffic_only_enabled",
		"message": `storage account "acme" sets https_traffic_only_enabled to false, so clients can use plain HTTP; remove it or set it to true`,
	}}
}

test_v3_name_false_fails if {
	[v] := [x | some x in found_for([t.resource("azurerm_storage_account", "a", {"enable_https_traffic_only": false})])]
	v.attribute == "enable_https_traffic_only"
}

test_default_and_true_pass if {
	found_for([t.resource("azurerm_storage_account", "a", {})]) == set()
	found_for([t.resource("azurerm_storage_account", "a", {"https_traffic_only_enabled": true})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("azurerm_storage_account", "a", {}), ["https_traffic_only_enabled"])]) == set()
}
