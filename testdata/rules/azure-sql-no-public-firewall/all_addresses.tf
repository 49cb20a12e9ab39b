resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "everyone"
  server_id        = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Sql/servers/acme-sql"
  start_ip_address = "0.0.0.0"
  end_ip_address   = "255.255.255.255" # expect: azure-sql-no-public-firewall
}

# The azurerm v3 resource.
resource "azurerm_sql_firewall_rule" "legacy" {
  name                = "everyone"
  resource_group_name = "acme-rg"
  server_name         = "acme-legacy-sql"
  start_ip_address    = "0.0.0.0"
  end_ip_address      = "255.255.255.255" # expect: azure-sql-no-public-firewall
}
