resource "azurerm_key_vault" "main" { # expect: azure-keyvault-purge-protection
  name                = "acme-kv"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  tenant_id           = "00000000-0000-0000-0000-000000000000"
  sku_name            = "standard"
}

resource "azurerm_key_vault" "dev" {
  name                       = "acme-dev-kv"
  location                   = "westeurope"
  resource_group_name        = "acme-rg"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = 90
  purge_protection_enabled   = false # expect: azure-keyvault-purge-protection
}
