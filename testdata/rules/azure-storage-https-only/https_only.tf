# soc2gate-test: no findings
# Unset means true (the default); true is fine too.
resource "azurerm_storage_account" "default" {
  name                     = "acmedefault"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "explicit" {
  name                       = "acmeexplicit"
  resource_group_name        = "acme-rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = true
}
