# METADATA
# title: Storage accounts require TLS 1.2 or newer
# description: >-
#   No `azurerm_storage_account` may accept TLS 1.0 or 1.1: `min_tls_version` set to
#   `TLS1_0` or `TLS1_1` is reported. Unset, it defaults to `TLS1_2` (azurerm v3 and v4)
#   and the account passes. A value that cannot be known statically is not judged, nor is
#   a data source.
# custom:
#   id: azure-storage-min-tls
#   severity: high
#   controls: [CC6.7]
#   resource_types: [azurerm_storage_account]
#   remediation: |
#     Remove `min_tls_version` (the default is TLS 1.2) or set it to `TLS1_2`:
#
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                     = "acmedata"
#       resource_group_name      = azurerm_resource_group.main.name
#       location                 = "westeurope"
#       account_tier             = "Standard"
#       account_replication_type = "GRS"
#       min_tls_version          = "TLS1_2"
#     }
#     ```
package soc2gate.azure.storage.min_tls

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

deny contains v if {
	some a in common.managed("azurerm_storage_account")
	core.known(a, ["min_tls_version"])
	version := core.get(a, ["min_tls_version"])
	version in {"TLS1_0", "TLS1_1"}
	v := core.violation(a, "min_tls_version", sprintf(
		"%s accepts %s, a deprecated TLS version; set min_tls_version = \"TLS1_2\"",
		[common.describe("storage account", a), version],
	))
}

undetermined contains v if some v in core.unknown_in("azurerm_storage_account", [["min_tls_version"]])
