# soc2gate-test: no findings
variable "purge_protection" {
  type = bool
}

resource "azurerm_key_vault" "configurable" {
  name                       = "acme-kv"
  location                   = "westeurope"
  resource_group_name        = "acme-rg"
  tenant_id                  = "00000000-0000-0000-0000-000000000000"
  sku_name                   = "standard"
  soft_delete_retention_days = 90
  purge_protection_enabled   = var.purge_protection # expect-undetermined: azure-keyvault-purge-protection
}
