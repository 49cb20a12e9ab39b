package soc2gate.azure.app_service.https_test

import data.soc2gate.azure.app_service.https
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := https.deny with input as t.input_of(resources)
}

test_unset_https_only_fails_at_the_header if {
	found_for([t.resource("azurerm_linux_web_app", "api", {"name": "acme-api"})]) == {{
		"resource": "azurerm_linux_web_app.api",
		"attribute": "",
		"message": `app "acme-api" does not set https_only, which defaults to false, so it serves plain HTTP; set https_only = true`,
	}}
}

test_false_fails_at_https_only if {
	[v] := [x | some x in found_for([t.resource("azurerm_windows_function_app", "f", {"https_only": false})])]
	v.attribute == "https_only"
}

test_old_tls_fails_at_site_config if {
	[v] := [x | some x in found_for([t.resource("azurerm_linux_function_app", "f", {"https_only": true, "site_config": [{"minimum_tls_version": "1.1"}]})])]
	v.attribute == "site_config[0].minimum_tls_version"
	[w] := [x | some x in found_for([t.resource("azurerm_app_service", "old", {"https_only": true, "site_config": [{"min_tls_version": "1.0"}]})])]
	w.attribute == "site_config[0].min_tls_version"
}

test_https_only_with_modern_tls_passes if {
	found_for([t.resource("azurerm_windows_web_app", "w", {"https_only": true, "site_config": [{"minimum_tls_version": "1.2"}]})]) == set()
	found_for([t.resource("azurerm_linux_web_app", "w", {"https_only": true, "site_config": [{}]})]) == set()
}

test_unknown_stays_silent if {
	u := t.with_unknown(t.resource("azurerm_linux_web_app", "u", {"site_config": [{}]}), ["https_only", "site_config[0].minimum_tls_version"])
	found_for([u]) == set()
}
