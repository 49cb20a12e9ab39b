package soc2gate.gcp.sql.backups_test

import data.soc2gate.gcp.sql.backups
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := backups.deny with input as t.input_of(resources)
}

instance(settings) := t.resource("google_sql_database_instance", "db", {"name": "main", "settings": [settings]})

test_no_backup_block_fails if {
	found_for([instance({"tier": "db-f1-micro"})]) == {{
		"resource": "google_sql_database_instance.db",
		"attribute": "settings[0].backup_configuration[0]",
		"message": `Cloud SQL instance "main" does not enable automated backups: backup_configuration.enabled is unset and defaults to false; set it to true`,
	}}
}

test_disabled_fails_at_enabled if {
	[v] := [x | some x in found_for([instance({"backup_configuration": [{"enabled": false}]})])]
	v.attribute == "settings[0].backup_configuration[0].enabled"
}

test_enabled_passes if {
	found_for([instance({"backup_configuration": [{"enabled": true}]})]) == set()
}

test_replicas_are_exempt if {
	r := t.resource("google_sql_database_instance", "replica", {"master_instance_name": "main", "settings": [{}]})
	found_for([r]) == set()
}

test_unknown_stays_silent if {
	flag := t.with_unknown(instance({"backup_configuration": [{}]}), ["settings[0].backup_configuration[0].enabled"])
	primary := t.with_unknown(instance({}), ["master_instance_name"])
	found_for([flag, primary]) == set()
}
