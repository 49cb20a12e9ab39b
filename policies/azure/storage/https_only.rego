# METADATA
# title: Storage accounts accept only HTTPS
# description: >-
#   No `azurerm_storage_account` may turn off secure transfer: `https_traffic_only_enabled`
#   (azurerm v4) or `enable_https_traffic_only` (its name in v3 and earlier) set to false
#   lets clients read and write blobs, files and queues over plain HTTP. Unset, both
#   default to true and the account passes. A value that cannot be known statically is
#   not judged, nor is a data source.
# custom:
#   id: azure-storage-https-only
#   severity: high
#   controls: [CC6.7]
#   resource_types: [azurerm_storage_account]
#   remediation: |
#     Remove the setting (true is the default) or set it to true:
#
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                       = "acmedata"
#       resource_group_name        = azurerm_resource_group.main.name
#       location                   = "westeurope"
#       account_tier               = "Standard"
#       account_replication_type   = "GRS"
#       https_traffic_only_enabled = true
#       min_tls_version            = "TLS1_2"
#     }
#     ```
package soc2gate.azure.storage.https_only

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

_names := ["https_traffic_only_enabled", "enable_https_traffic_only"]

deny contains v if {
	some a in common.managed("azurerm_storage_account")
	[name, value] := common.setting(a, _names)
	value in {false, "false"}
	v := core.violation(a, name, sprintf(
		"%s sets %s to false, so clients can use plain HTTP; remove it or set it to true",
		[common.describe("storage account", a), name],
	))
}

undetermined contains v if some v in core.unknown_in("azurerm_storage_account", [[n] | some n in _names])
