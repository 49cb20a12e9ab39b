package soc2gate.gcp.sql.no_public_network_test

import data.soc2gate.gcp.sql.no_public_network
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_network.deny with input as t.input_of(resources)
}

instance(ip) := t.resource("google_sql_database_instance", "db", {"name": "main", "settings": [{"ip_configuration": [ip]}]})

test_anywhere_fails_at_the_value if {
	r := instance({"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}]})
	found_for([r]) == {{
		"resource": "google_sql_database_instance.db",
		"attribute": "settings[0].ip_configuration[0].authorized_networks[1].value",
		"message": `Cloud SQL instance "main" authorizes 0.0.0.0/0: its public IP accepts connections from the whole internet; authorize only the networks that need access, or use private IP`,
	}}
}

test_ipv6_anywhere_fails if {
	count(found_for([instance({"ipv4_enabled": true, "authorized_networks": [{"value": "::/0"}]})])) == 1
}

test_narrow_networks_pass if {
	found_for([instance({"authorized_networks": [{"value": "203.0.113.0/24"}]})]) == set()
}

test_private_only_instance_is_not_judged if {
	found_for([instance({"ipv4_enabled": false, "authorized_networks": [{"value": "0.0.0.0/0"}]})]) == set()
}

test_unknown_network_stays_silent if {
	r := t.with_unknown(instance({"authorized_networks": [{"name": "x"}]}), ["settings[0].ip_configuration[0].authorized_networks[0].value"])
	found_for([r]) == set()
}

test_unknown_public_ip_stays_silent if {
	r := t.with_unknown(instance({"authorized_networks": [{"value": "0.0.0.0/0"}]}), ["settings[0].ip_configuration[0].ipv4_enabled"])
	found_for([r]) == set()
}
