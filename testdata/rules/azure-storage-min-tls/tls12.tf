# soc2gate-test: no findings
# Unset means TLS1_2 (the default since azurerm v3).
resource "azurerm_storage_account" "default" {
  name                     = "acmedefault"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "explicit" {
  name                     = "acmeexplicit"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}
