# soc2gate-test: no findings
variable "https_only" {
  type = bool
}

resource "azurerm_linux_web_app" "configurable" {
  name                = "acme-api"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Web/serverFarms/acme"
  https_only          = var.https_only # expect-undetermined: azure-app-service-https

  site_config {}
}
