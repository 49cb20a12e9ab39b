resource "azurerm_storage_account" "data" {
  name                     = "acmedata"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_0" # expect: azure-storage-min-tls
}

resource "azurerm_storage_account" "logs" {
  name                     = "acmelogs"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_1" # expect: azure-storage-min-tls
}
