# soc2gate-test: no findings
resource "azurerm_log_analytics_workspace" "main" {
  name                = "acme-logs"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  sku                 = "PerGB2018"
  retention_in_days   = 365
}
