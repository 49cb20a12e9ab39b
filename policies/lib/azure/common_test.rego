package soc2gate.lib.azure.common_test

import data.soc2gate.lib.azure.common
import data.soc2gate.lib.inputs_test as t

names := ["https_traffic_only_enabled", "enable_https_traffic_only"]

test_setting_prefers_the_current_name if {
	common.setting(t.resource("azurerm_storage_account", "a", {"https_traffic_only_enabled": false}), names) == ["https_traffic_only_enabled", false]
	common.setting(t.resource("azurerm_storage_account", "a", {"enable_https_traffic_only": false}), names) == ["enable_https_traffic_only", false]
	common.setting(t.resource("azurerm_storage_account", "a", {"https_traffic_only_enabled": true, "enable_https_traffic_only": false}), names) == ["https_traffic_only_enabled", true]
}

test_setting_is_undefined_when_unset_or_unknown if {
	not common.setting(t.resource("azurerm_storage_account", "a", {}), names)
	not common.setting(t.with_unknown(t.resource("azurerm_storage_account", "a", {"enable_https_traffic_only": false}), ["https_traffic_only_enabled"]), names)
}

test_all_unset if {
	common.all_unset(t.resource("azurerm_storage_account", "a", {}), names)
	not common.all_unset(t.resource("azurerm_storage_account", "a", {"enable_https_traffic_only": true}), names)
	not common.all_unset(t.with_unknown(t.resource("azurerm_storage_account", "a", {}), ["enable_https_traffic_only"]), names)
}

test_describe if {
	common.describe("key vault", t.resource("azurerm_key_vault", "k", {"name": "acme"})) == `key vault "acme"`
	common.describe("key vault", t.resource("azurerm_key_vault", "k", {})) == "key vault azurerm_key_vault.k"
}

test_managed_only if {
	found := common.managed("azurerm_key_vault") with input as t.input_of([t.resource("azurerm_key_vault", "k", {}), t.data_source("azurerm_key_vault", "d", {})])
	[r.address | some r in found] == ["azurerm_key_vault.k"]
}
