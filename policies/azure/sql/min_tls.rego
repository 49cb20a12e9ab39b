# METADATA
# title: Azure SQL servers require TLS 1.2 or newer
# description: >-
#   No `azurerm_mssql_server` may accept connections over TLS 1.0 or 1.1:
#   `minimum_tls_version` set to `1.0`, `1.1` or `Disabled` (which lets clients connect
#   without any minimum, and is no longer accepted by Azure) is reported. Unset, it
#   defaults to `1.2` (azurerm v3 and v4) and the server passes. A value that cannot be
#   known statically is not judged, nor is a data source.
# custom:
#   id: azure-sql-min-tls
#   severity: high
#   controls: [CC6.7]
#   resource_types: [azurerm_mssql_server]
#   remediation: |
#     Remove `minimum_tls_version` (the default is 1.2) or set it to `"1.2"`:
#
#     ```hcl
#     resource "azurerm_mssql_server" "main" {
#       name                = "acme-sql"
#       resource_group_name = azurerm_resource_group.main.name
#       location            = "westeurope"
#       version             = "12.0"
#       minimum_tls_version = "1.2"
#     }
#     ```
package soc2gate.azure.sql.min_tls

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

deny contains v if {
	some s in common.managed("azurerm_mssql_server")
	core.known(s, ["minimum_tls_version"])
	version := core.get(s, ["minimum_tls_version"])
	version in {"1.0", "1.1", "Disabled"}
	v := core.violation(s, "minimum_tls_version", sprintf(
		"%s sets minimum_tls_version to %q, so clients may connect with deprecated TLS versions; set it to \"1.2\"",
		[common.describe("SQL server", s), version],
	))
}

undetermined contains v if some v in core.unknown_in("azurerm_mssql_server", [["minimum_tls_version"]])
