# soc2gate-test: no findings
variable "access_type" {
  type = string
}

variable "allow_public" {
  type = bool
}

resource "azurerm_storage_account" "configurable" {
  name                            = "acmedata"
  resource_group_name             = "acme-rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = var.allow_public # expect-undetermined: azure-storage-no-public-blob
}

resource "azurerm_storage_container" "configurable" {
  name                  = "reports"
  storage_account_id    = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Storage/storageAccounts/acmeother"
  container_access_type = var.access_type # expect-undetermined: azure-storage-no-public-blob
}
