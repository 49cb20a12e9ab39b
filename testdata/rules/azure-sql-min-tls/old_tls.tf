resource "azurerm_mssql_server" "main" {
  name                = "acme-sql"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.1" # expect: azure-sql-min-tls
}

resource "azurerm_mssql_server" "legacy" {
  name                = "acme-legacy-sql"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "Disabled" # expect: azure-sql-min-tls
}
