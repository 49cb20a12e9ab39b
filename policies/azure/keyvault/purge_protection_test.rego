package soc2gate.azure.keyvault.purge_protection_test

import data.soc2gate.azure.keyvault.purge_protection
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := purge_protection.deny with input as t.input_of(resources)
}

test_unset_fails_at_the_header if {
	found_for([t.resource("azurerm_key_vault", "k", {"name": "acme-kv"})]) == {{
		"resource": "azurerm_key_vault.k",
		"attribute": "",
		"message": `key vault "acme-kv" does not set purge_protection_enabled, which defaults to false: deleted keys and secrets can be purged before their retention ends; set it to true`,
	}}
}

test_false_fails_at_the_attribute if {
	[v] := [x | some x in found_for([t.resource("azurerm_key_vault", "k", {"purge_protection_enabled": false})])]
	v.attribute == "purge_protection_enabled"
}

test_true_passes if {
	found_for([t.resource("azurerm_key_vault", "k", {"purge_protection_enabled": true})]) == set()
}

test_unknown_and_data_sources_stay_silent if {
	u := t.with_unknown(t.resource("azurerm_key_vault", "k", {}), ["purge_protection_enabled"])
	d := t.data_source("azurerm_key_vault", "d", {})
	found_for([u, d]) == set()
}
