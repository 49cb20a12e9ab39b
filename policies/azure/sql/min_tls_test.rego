package soc2gate.azure.sql.min_tls_test

import data.soc2gate.azure.sql.min_tls
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := min_tls.deny with input as t.input_of(resources)
}

test_old_versions_fail if {
	found_for([t.resource("azurerm_mssql_server", "s", {"name": "acme-sql", "minimum_tls_version": "1.0"})]) == {{
		"resource": "azurerm_mssql_server.s",
		"attribute": "minimum_tls_version",
		"message": `SQL server "acme-sql" sets minimum_tls_version to "1.0", so clients may connect with deprecated TLS versions; set it to "1.2"`,
	}}
	count(found_for([t.resource("azurerm_mssql_server", "s", {"minimum_tls_version": "Disabled"})])) == 1
}

test_default_and_modern_pass if {
	found_for([t.resource("azurerm_mssql_server", "s", {})]) == set()
	found_for([t.resource("azurerm_mssql_server", "s", {"minimum_tls_version": "1.2"})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("azurerm_mssql_server", "s", {}), ["minimum_tls_version"])]) == set()
}
