# soc2gate-test: no findings
# Unset means 1.2, the default.
resource "azurerm_mssql_server" "modern" {
  name                = "acme-sql"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mssql_server" "explicit" {
  name                = "acme-sql-2"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}
