package soc2gate.azure.storage.min_tls_test

import data.soc2gate.azure.storage.min_tls
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := min_tls.deny with input as t.input_of(resources)
}

test_tls10_fails if {
	found_for([t.resource("azurerm_storage_account", "a", {"name": "acme", "min_tls_version": "TLS1_0"})]) == {{
		"resource": "azurerm_storage_account.a",
		"attribute": "min_tls_version",
		"message": `storage account "acme" accepts TLS1_0, a deprecated TLS version; set min_tls_version = "TLS1_2"`,
	}}
}

test_tls11_fails if {
	count(found_for([t.resource("azurerm_storage_account", "a", {"min_tls_version": "TLS1_1"})])) == 1
}

test_default_and_tls12_pass if {
	found_for([t.resource("azurerm_storage_account", "a", {})]) == set()
	found_for([t.resource("azurerm_storage_account", "a", {"min_tls_version": "TLS1_2"})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("azurerm_storage_account", "a", {}), ["min_tls_version"])]) == set()
}
