resource "azurerm_log_analytics_workspace" "default_retention" { # expect: azure-log-analytics-retention
  name                = "acme-logs"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  sku                 = "PerGB2018"
}

resource "azurerm_log_analytics_workspace" "audit" {
  name                = "acme-audit"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  sku                 = "PerGB2018"
  retention_in_days   = 90 # expect: azure-log-analytics-retention
}
