# METADATA
# title: Log Analytics workspaces keep logs for at least a year
# description: >-
#   Every `azurerm_log_analytics_workspace` must keep its data for at least `min_days`
#   days (365 by default), so that the logs cover the SOC 2 observation period. Unset,
#   `retention_in_days` takes the service default of 30 days and the workspace is
#   reported. A value that cannot be known statically is not judged, nor is a data
#   source.
# custom:
#   id: azure-log-analytics-retention
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [azurerm_log_analytics_workspace]
#   params:
#     min_days: 365
#   remediation: |
#     Keep the data for at least a year:
#
#     ```hcl
#     resource "azurerm_log_analytics_workspace" "main" {
#       name                = "acme-logs"
#       location            = "westeurope"
#       resource_group_name = azurerm_resource_group.main.name
#       sku                 = "PerGB2018"
#       retention_in_days   = 365
#     }
#     ```
package soc2gate.azure.log_analytics.retention

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.core

# The parameter: the shortest retention accepted, in days.
default min_days := 365

min_days := data.params["azure-log-analytics-retention"].min_days

invalid_params contains message if {
	not _positive_integer(min_days)
	message := sprintf("min_days must be a positive whole number of days (e.g. 365), not %s", [json.marshal(min_days)])
}

_positive_integer(n) if {
	is_number(n)
	n == floor(n)
	n > 0
}

# The service's default retention when `retention_in_days` is unset.
_default_days := 30

deny contains v if {
	some w in common.managed("azurerm_log_analytics_workspace")
	core.unset(w, ["retention_in_days"])
	_default_days < min_days
	v := core.violation(w, "", sprintf(
		"%s does not set retention_in_days, so it keeps data for the default 30 days, less than the %v required; set retention_in_days = %v",
		[common.describe("Log Analytics workspace", w), min_days, min_days],
	))
}

deny contains v if {
	some w in common.managed("azurerm_log_analytics_workspace")
	core.known(w, ["retention_in_days"])
	days := core.get(w, ["retention_in_days"])
	is_number(days)
	days < min_days
	v := core.violation(w, "retention_in_days", sprintf(
		"%s keeps data for %v days, less than the %v required; set retention_in_days = %v or more",
		[common.describe("Log Analytics workspace", w), days, min_days, min_days],
	))
}

undetermined contains v if some v in core.unknown_in("azurerm_log_analytics_workspace", [["retention_in_days"]])
