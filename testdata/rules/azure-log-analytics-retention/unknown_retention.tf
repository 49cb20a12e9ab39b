# soc2gate-test: no findings
variable "retention_days" {
  type = number
}

resource "azurerm_log_analytics_workspace" "configurable" {
  name                = "acme-logs"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  sku                 = "PerGB2018"
  retention_in_days   = var.retention_days # expect-undetermined: azure-log-analytics-retention
}
