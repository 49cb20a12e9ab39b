# soc2gate-test: no findings
variable "min_tls_version" {
  type = string
}

resource "azurerm_storage_account" "configurable" {
  name                     = "acmedata"
  resource_group_name      = "acme-rg"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = var.min_tls_version # expect-undetermined: azure-storage-min-tls
}
