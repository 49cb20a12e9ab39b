resource "azurerm_linux_web_app" "http" { # expect: azure-app-service-https
  name                = "acme-api"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Web/serverFarms/acme"

  site_config {}
}

resource "azurerm_windows_function_app" "jobs" {
  name                       = "acme-jobs"
  resource_group_name        = "acme-rg"
  location                   = "westeurope"
  service_plan_id            = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Web/serverFarms/acme"
  storage_account_name       = "acmejobs"
  storage_account_access_key = "not-a-real-key"
  https_only                 = true

  site_config {
    minimum_tls_version = "1.1" # expect: azure-app-service-https
  }
}

# The azurerm v3 resource, with its older attribute name.
resource "azurerm_app_service" "legacy" {
  name                = "acme-legacy"
  location            = "westeurope"
  resource_group_name = "acme-rg"
  app_service_plan_id = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Web/serverFarms/acme"
  https_only          = false # expect: azure-app-service-https

  site_config {
    min_tls_version = "1.2"
  }
}
