# soc2gate-test: no findings
# The account forbids public access, which also overrides the container's setting.
resource "azurerm_storage_account" "data" {
  name                            = "acmedata"
  resource_group_name             = "acme-rg"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "GRS"
  allow_nested_items_to_be_public = false
}

resource "azurerm_storage_container" "reports" {
  name                  = "reports"
  storage_account_id    = azurerm_storage_account.data.id
  container_access_type = "private"
}

resource "azurerm_storage_container" "legacy" {
  name                  = "legacy"
  storage_account_name  = "acmedata"
  container_access_type = "container"
}
