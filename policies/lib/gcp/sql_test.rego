package soc2gate.lib.gcp.sql_test

import data.soc2gate.lib.gcp.sql
import data.soc2gate.lib.inputs_test as t

test_public_ip_defaults_to_true if {
	sql.public_ip(t.resource("google_sql_database_instance", "a", {}))
	sql.public_ip(t.resource("google_sql_database_instance", "a", {"settings": [{"ip_configuration": [{"ipv4_enabled": true}]}]}))
	not sql.public_ip(t.resource("google_sql_database_instance", "a", {"settings": [{"ip_configuration": [{"ipv4_enabled": false}]}]}))
	not sql.public_ip(t.with_unknown(t.resource("google_sql_database_instance", "a", {"settings": [{}]}), ["settings[0].ip_configuration"]))
}

test_primary if {
	sql.primary(t.resource("google_sql_database_instance", "a", {}))
	not sql.primary(t.resource("google_sql_database_instance", "a", {"master_instance_name": "main"}))
	not sql.primary(t.with_unknown(t.resource("google_sql_database_instance", "a", {}), ["master_instance_name"]))
}

test_describe if {
	sql.describe(t.resource("google_sql_database_instance", "a", {"name": "main"})) == `Cloud SQL instance "main"`
	sql.describe(t.resource("google_sql_database_instance", "a", {})) == "Cloud SQL instance google_sql_database_instance.a"
}
