# METADATA
# title: Azure SQL firewalls do not admit the whole internet
# description: >-
#   No `azurerm_mssql_firewall_rule` (or `azurerm_sql_firewall_rule`, its name before
#   azurerm v4) may open the server to every address: a rule from `0.0.0.0` to
#   `255.255.255.255` is reported at its `end_ip_address`. The special rule from `0.0.0.0`
#   to `0.0.0.0`, which admits Azure services only, and narrower ranges are not reported.
#   An address that cannot be known statically is not judged.
# custom:
#   id: azure-sql-no-public-firewall
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule]
#   remediation: |
#     Admit only the addresses that need to connect, or use a private endpoint and turn
#     public network access off:
#
#     ```hcl
#     resource "azurerm_mssql_firewall_rule" "office" {
#       name             = "office"
#       server_id        = azurerm_mssql_server.main.id
#       start_ip_address = "203.0.113.10"
#       end_ip_address   = "203.0.113.20"
#     }
#     ```
package soc2gate.azure.sql.no_public_firewall

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

deny contains v if {
	some type_name in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"]
	some r in common.managed(type_name)
	core.value_is(r, ["start_ip_address"], "0.0.0.0")
	core.value_is(r, ["end_ip_address"], "255.255.255.255")
	v := core.violation(r, "end_ip_address", sprintf(
		"%s admits every address on the internet (0.0.0.0 to 255.255.255.255); admit only the addresses that need to connect",
		[common.describe("SQL firewall rule", r)],
	))
}

undetermined contains v if {
	some type_name in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"]
	some v in core.unknown_in(type_name, [["start_ip_address"], ["end_ip_address"]])
}
