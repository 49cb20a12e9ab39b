# soc2gate-test: no findings
resource "azurerm_linux_web_app" "api" {
  name                = "acme-api"
  resource_group_name = "acme-rg"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/0000/resourceGroups/acme-rg/providers/Microsoft.Web/serverFarms/acme"
  https_only          = true

  site_config {
    minimum_tls_version = "1.2"
  }
}
