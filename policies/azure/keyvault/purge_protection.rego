# METADATA
# title: Key vaults have purge protection
# description: >-
#   Every `azurerm_key_vault` must set `purge_protection_enabled = true`, so that a
#   deleted vault or key stays recoverable for its whole soft-delete retention period and
#   no one, not even an administrator, can destroy the keys that protect backups and
#   encrypted data before then. Unset, it defaults to false (azurerm v3 and v4) and the
#   vault is reported. A value that cannot be known statically is not judged, nor is a
#   data source.
# custom:
#   id: azure-keyvault-purge-protection
#   severity: medium
#   controls: [A1.2, CC6.1]
#   resource_types: [azurerm_key_vault]
#   remediation: |
#     Turn purge protection on (it cannot be turned off again):
#
#     ```hcl
#     resource "azurerm_key_vault" "main" {
#       name                       = "acme-kv"
#       location                   = "westeurope"
#       resource_group_name        = azurerm_resource_group.main.name
#       tenant_id                  = data.azurerm_client_config.current.tenant_id
#       sku_name                   = "standard"
#       soft_delete_retention_days = 90
#       purge_protection_enabled   = true
#     }
#     ```
package soc2gate.azure.keyvault.purge_protection

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

deny contains v if {
	some k in common.managed("azurerm_key_vault")
	core.unset(k, ["purge_protection_enabled"])
	v := core.violation(k, "", sprintf(
		"%s does not set purge_protection_enabled, which defaults to false: deleted keys and secrets can be purged before their retention ends; set it to true",
		[common.describe("key vault", k)],
	))
}

deny contains v if {
	some k in common.managed("azurerm_key_vault")
	core.known(k, ["purge_protection_enabled"])
	value := core.get(k, ["purge_protection_enabled"])
	not value in {true, "true"}
	v := core.violation(k, "purge_protection_enabled", sprintf(
		"%s sets purge_protection_enabled to %v: deleted keys and secrets can be purged before their retention ends; set it to true",
		[common.describe("key vault", k), value],
	))
}

undetermined contains v if some v in core.unknown_in("azurerm_key_vault", [["purge_protection_enabled"]])
