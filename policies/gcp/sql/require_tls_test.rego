package soc2gate.gcp.sql.require_tls_test

import data.soc2gate.gcp.sql.require_tls
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := require_tls.deny with input as t.input_of(resources)
}

instance(ip) := t.resource("google_sql_database_instance", "db", {"name": "main", "settings": [{"ip_configuration": [ip]}]})

test_allowing_mode_fails_at_ssl_mode if {
	found_for([instance({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"})]) == {{
		"resource": "google_sql_database_instance.db",
		"attribute": "settings[0].ip_configuration[0].ssl_mode",
		"message": `Cloud SQL instance "main" has a public IP and sets ssl_mode to "ALLOW_UNENCRYPTED_AND_ENCRYPTED", which accepts unencrypted connections; set ssl_mode = "ENCRYPTED_ONLY"`,
	}}
}

test_unset_fails_at_the_ip_configuration if {
	[v] := [x | some x in found_for([instance({})])]
	v.attribute == "settings[0].ip_configuration[0]"
	contains(v.message, "does not set ssl_mode")
}

test_no_settings_at_all_fails if {
	count(found_for([t.resource("google_sql_database_instance", "db", {})])) == 1
}

test_require_ssl_false_fails_there if {
	[v] := [x | some x in found_for([instance({"require_ssl": false})])]
	v.attribute == "settings[0].ip_configuration[0].require_ssl"
}

test_encrypted_modes_and_require_ssl_pass if {
	found_for([instance({"ssl_mode": "ENCRYPTED_ONLY"})]) == set()
	found_for([instance({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"})]) == set()
	found_for([instance({"require_ssl": true})]) == set()
}

test_private_only_passes if {
	found_for([instance({"ipv4_enabled": false})]) == set()
}

test_unknown_values_stay_silent if {
	mode := t.with_unknown(instance({}), ["settings[0].ip_configuration[0].ssl_mode"])
	ssl := t.with_unknown(instance({}), ["settings[0].ip_configuration[0].require_ssl"])
	public := t.with_unknown(instance({}), ["settings[0].ip_configuration[0].ipv4_enabled"])
	found_for([mode]) == set()
	found_for([ssl]) == set()
	found_for([public]) == set()
}
