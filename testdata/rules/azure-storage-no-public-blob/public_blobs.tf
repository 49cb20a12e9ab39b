# The provider lets containers be public unless the account forbids it.
resource "azurerm_storage_account" "default" { # expect: azure-storage-no-public-blob
  name                     = "acmedefault"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "site" {
  name                            = "acmesite"
  resource_group_name             = "acme-rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = true # expect: azure-storage-no-public-blob
}

resource "azurerm_storage_container" "site" {
  name                  = "$web"
  storage_account_id    = azurerm_storage_account.site.id
  container_access_type = "blob" # expect: azure-storage-no-public-blob
}
