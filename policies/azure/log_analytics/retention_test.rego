package soc2gate.azure.log_analytics.retention_test

import data.soc2gate.azure.log_analytics.retention
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := retention.deny with input as t.input_of(resources)
}

test_default_fails_at_the_header if {
	found_for([t.resource("azurerm_log_analytics_workspace", "w", {"name": "acme-logs"})]) == {{
		"resource": "azurerm_log_analytics_workspace.w",
		"attribute": "",
		"message": `Log Analytics workspace "acme-logs" does not set retention_in_days, so it keeps data for the default 30 days, less than the 365 required; set retention_in_days = 365`,
	}}
}

test_short_retention_fails_at_the_attribute if {
	[v] := [x | some x in found_for([t.resource("azurerm_log_analytics_workspace", "w", {"retention_in_days": 90})])]
	v.attribute == "retention_in_days"
}

test_a_year_passes if {
	found_for([t.resource("azurerm_log_analytics_workspace", "w", {"retention_in_days": 365})]) == set()
}

test_parameter if {
	found := retention.deny with input as t.input_of([t.resource("azurerm_log_analytics_workspace", "w", {"retention_in_days": 90})])
		with data.params as {"azure-log-analytics-retention": {"min_days": 30}}
	found == set()
	msgs := retention.invalid_params with data.params as {"azure-log-analytics-retention": {"min_days": 0}}
	msgs == {"min_days must be a positive whole number of days (e.g. 365), not 0"}
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("azurerm_log_analytics_workspace", "w", {}), ["retention_in_days"])]) == set()
}
