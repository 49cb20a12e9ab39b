# soc2gate-test: no findings
variable "https_only" {
  type = bool
}

resource "azurerm_storage_account" "data" {
  name                       = "acmedata"
  resource_group_name        = "acme-rg"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "GRS"
  https_traffic_only_enabled = var.https_only # expect-undetermined: azure-storage-https-only
}
