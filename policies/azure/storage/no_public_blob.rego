# METADATA
# title: Storage accounts and containers do not allow anonymous public blob access
# description: >-
#   A storage account must not let its containers be made public, and no container may
#   be public. Reported: an `azurerm_storage_account` whose
#   `allow_nested_items_to_be_public` (azurerm v3 and v4; `allow_blob_public_access` in
#   v2) is true or unset, since the provider's default is true; and an
#   `azurerm_storage_container` whose `container_access_type` is `blob` or `container`
#   (the default is `private`), unless the storage account it references (by reference or
#   by name) forbids public access, which then overrides it. A value that cannot be known
#   statically (the container's, or that of the account it is joined to) is not judged,
#   nor is a data source.
# custom:
#   id: azure-storage-no-public-blob
#   severity: high
#   controls: [CC6.1, CC6.6]
#   resource_types: [azurerm_storage_account, azurerm_storage_container]
#   remediation: |
#     Forbid public access on the account and keep containers private:
#
#     ```hcl
#     resource "azurerm_storage_account" "data" {
#       name                            = "acmedata"
#       resource_group_name             = azurerm_resource_group.main.name
#       location                        = "westeurope"
#       account_tier                    = "Standard"
#       account_replication_type        = "GRS"
#       allow_nested_items_to_be_public = false
#     }
#
#     resource "azurerm_storage_container" "reports" {
#       name                  = "reports"
#       storage_account_id    = azurerm_storage_account.data.id
#       container_access_type = "private"
#     }
#     ```
package soc2gate.azure.storage.no_public_blob

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

_names := ["allow_nested_items_to_be_public", "allow_blob_public_access"]

deny contains v if {
	some a in common.managed("azurerm_storage_account")
	[name, value] := common.setting(a, _names)
	value in {true, "true"}
	v := core.violation(a, name, sprintf(
		"%s sets %s to true, so its containers can be opened to anonymous readers; set it to false",
		[common.describe("storage account", a), name],
	))
}

deny contains v if {
	some a in common.managed("azurerm_storage_account")
	common.all_unset(a, _names)
	v := core.violation(a, "", sprintf(
		"%s does not set allow_nested_items_to_be_public, which defaults to true, so its containers can be opened to anonymous readers; set it to false",
		[common.describe("storage account", a)],
	))
}

deny contains v if {
	some c in common.managed("azurerm_storage_container")
	core.known(c, ["container_access_type"])
	access := core.get(c, ["container_access_type"])
	access in {"blob", "container"}
	not _account_may_forbid_public(c)
	v := core.violation(c, "container_access_type", sprintf(
		"%s lets anyone on the internet read its blobs (container_access_type = %q); set it to \"private\"",
		[common.describe("storage container", c), access],
	))
}

# The container's account (joined by a `storage_account_id`/`storage_account_name`
# reference or by literal name) forbids public access, which overrides the container's
# own setting, or may do so (its setting cannot be known).
_account_may_forbid_public(c) if {
	some a in common.managed("azurerm_storage_account")
	_joined(a, c)
	not _allows_public(a)
}

_allows_public(a) if common.all_unset(a, _names)

_allows_public(a) if {
	[_, value] := common.setting(a, _names)
	value in {true, "true"}
}

_joined(a, c) if {
	some attribute in ["storage_account_id", "storage_account_name"]
	some address in object.get(c.refs, attribute, [])
	address == a.address
}

_joined(a, c) if {
	name := object.get(c.values, "storage_account_name", null)
	is_string(name)
	object.get(a.values, "name", null) == name
}

undetermined contains v if some v in core.unknown_in("azurerm_storage_account", [[n] | some n in _names])

undetermined contains v if some v in core.unknown_in("azurerm_storage_container", [["container_access_type"]])
