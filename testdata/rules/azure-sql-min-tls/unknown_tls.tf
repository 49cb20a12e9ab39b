# soc2gate-test: no findings
variable "minimum_tls_version" {
  type = string
}

resource "azurerm_mssql_server" "configurable" {
  name                = "acme-sql"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = var.minimum_tls_version # expect-undetermined: azure-sql-min-tls
}
