# METADATA
# title: App Service and Function apps accept only HTTPS with TLS 1.2 or newer
# description: >-
#   Every web or function app (`azurerm_linux_web_app`, `azurerm_windows_web_app`,
#   `azurerm_linux_function_app`, `azurerm_windows_function_app`, and the azurerm v3
#   `azurerm_app_service` and `azurerm_function_app`) must set `https_only = true`, so that
#   plain HTTP requests are redirected to HTTPS. Unset, `https_only` defaults to false and
#   the app is reported. An app whose `site_config.minimum_tls_version` (`min_tls_version`
#   in the v3 resources) is `1.0` or `1.1` is reported too; unset, it defaults to `1.2`. A
#   value that cannot be known statically is not judged, nor is a data source.
# custom:
#   id: azure-app-service-https
#   severity: high
#   controls: [CC6.7]
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   remediation: |
#     Redirect HTTP to HTTPS and keep the TLS 1.2 minimum:
#
#     ```hcl
#     resource "azurerm_linux_web_app" "api" {
#       name                = "acme-api"
#       resource_group_name = azurerm_resource_group.main.name
#       location            = "westeurope"
#       service_plan_id     = azurerm_service_plan.main.id
#       https_only          = true
#
#       site_config {
#         minimum_tls_version = "1.2"
#       }
#     }
#     ```
package soc2gate.azure.app_service.https

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

_types := [
	"azurerm_linux_web_app",
	"azurerm_windows_web_app",
	"azurerm_linux_function_app",
	"azurerm_windows_function_app",
	"azurerm_app_service",
	"azurerm_function_app",
]

_apps := [a |
	some type_name in _types
	some a in common.managed(type_name)
]

deny contains v if {
	some a in _apps
	core.unset(a, ["https_only"])
	v := core.violation(a, "", sprintf(
		"%s does not set https_only, which defaults to false, so it serves plain HTTP; set https_only = true",
		[common.describe("app", a)],
	))
}

deny contains v if {
	some a in _apps
	core.known(a, ["https_only"])
	value := core.get(a, ["https_only"])
	not value in {true, "true"}
	v := core.violation(a, "https_only", sprintf(
		"%s sets https_only to %v, so it serves plain HTTP; set it to true",
		[common.describe("app", a), value],
	))
}

deny contains v if {
	some a in _apps
	some name in ["minimum_tls_version", "min_tls_version"]
	path := ["site_config", 0, name]
	core.known(a, path)
	version := core.get(a, path)
	version in {"1.0", "1.1", 1.0, 1.1}
	v := core.violation(a, core.path_text(path), sprintf(
		"%s accepts TLS %v, a deprecated version; set site_config.%s = \"1.2\"",
		[common.describe("app", a), version, name],
	))
}

undetermined contains v if {
	some type_name in _types
	some v in core.unknown_in(type_name, [["https_only"], ["site_config", 0, "minimum_tls_version"], ["site_config", 0, "min_tls_version"]])
}
