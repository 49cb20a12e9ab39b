package soc2gate.azure.storage.no_public_blob_test

import data.soc2gate.azure.storage.no_public_blob
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_blob.deny with input as t.input_of(resources)
}

test_account_allowing_public_fails_at_the_attribute if {
	found_for([t.resource("azurerm_storage_account", "a", {"name": "acme", "allow_nested_items_to_be_public": true})]) == {{
		"resource": "azurerm_storage_account.a",
		"attribute": "allow_nested_items_to_be_public",
		"message": `storage account "acme" sets allow_nested_items_to_be_public to true, so its containers can be opened to anonymous readers; set it to false`,
	}}
}

test_account_default_fails_at_the_header if {
	[v] := [x | some x in found_for([t.resource("azurerm_storage_account", "a", {})])]
	v.attribute == ""
	contains(v.message, "which defaults to true")
}

test_v2_name_is_read if {
	found_for([t.resource("azurerm_storage_account", "a", {"allow_blob_public_access": false})]) == set()
	[v] := [x | some x in found_for([t.resource("azurerm_storage_account", "a", {"allow_blob_public_access": true})])]
	v.attribute == "allow_blob_public_access"
}

test_public_container_fails if {
	c := t.resource("azurerm_storage_container", "c", {"name": "site", "container_access_type": "blob"})
	found_for([c]) == {{
		"resource": "azurerm_storage_container.c",
		"attribute": "container_access_type",
		"message": `storage container "site" lets anyone on the internet read its blobs (container_access_type = "blob"); set it to "private"`,
	}}
}

test_container_in_a_locked_account_passes if {
	a := t.resource("azurerm_storage_account", "a", {"name": "acme", "allow_nested_items_to_be_public": false})
	by_ref := t.with_refs(t.resource("azurerm_storage_container", "r", {"container_access_type": "container"}), {"storage_account_id": ["azurerm_storage_account.a"]})
	by_name := t.resource("azurerm_storage_container", "n", {"container_access_type": "blob", "storage_account_name": "acme"})
	found_for([a, by_ref, by_name]) == set()
}

test_private_containers_pass if {
	found_for([t.resource("azurerm_storage_container", "c", {"container_access_type": "private"})]) == set()
	found_for([t.resource("azurerm_storage_container", "c", {})]) == set()
}

test_container_of_an_account_with_unknown_setting_stays_silent if {
	a := t.with_unknown(t.resource("azurerm_storage_account", "a", {}), ["allow_nested_items_to_be_public"])
	c := t.with_refs(t.resource("azurerm_storage_container", "c", {"container_access_type": "blob"}), {"storage_account_id": ["azurerm_storage_account.a"]})
	found_for([a, c]) == set()
}

test_unknown_stays_silent if {
	a := t.with_unknown(t.resource("azurerm_storage_account", "a", {}), ["allow_nested_items_to_be_public"])
	c := t.with_unknown(t.resource("azurerm_storage_container", "c", {}), ["container_access_type"])
	found_for([a, c]) == set()
}
