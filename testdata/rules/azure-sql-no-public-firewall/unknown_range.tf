# soc2gate-test: no findings
variable "end_ip" {
  type = string
}

resource "azurerm_mssql_firewall_rule" "clients" {
  name             = "clients"
  server_id        = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Sql/servers/acme-sql"
  start_ip_address = "0.0.0.0"
  end_ip_address   = var.end_ip # expect-undetermined: azure-sql-no-public-firewall
}
