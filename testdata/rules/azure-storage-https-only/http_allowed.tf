# azurerm v4 name, then the v3 name of the same setting.
resource "azurerm_storage_account" "v4" {
  name                       = "acmev4"
  resource_group_name        = "acme-rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = false # expect: azure-storage-https-only
}

resource "azurerm_storage_account" "v3" {
  name                      = "acmev3"
  resource_group_name       = "acme-rg"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "GRS"
  enable_https_traffic_only = false # expect: azure-storage-https-only
}
