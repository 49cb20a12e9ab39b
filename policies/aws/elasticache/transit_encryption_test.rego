package soc2gate.aws.elasticache.transit_encryption_test

import data.soc2gate.aws.elasticache.transit_encryption
import data.soc2gate.lib.aws.inputs_test as t

group(values) := t.resource("aws_elasticache_replication_group", "sessions", object.union(
	{"replication_group_id": "acme-sessions", "description": "sessions", "node_type": "cache.t4g.small"},
	values,
))

test_disabled_encryption_fails_at_the_attribute if {
	r := group({"transit_encryption_enabled": false})
	found := transit_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_elasticache_replication_group.sessions",
		"attribute": "transit_encryption_enabled",
		"message": `ElastiCache replication group "acme-sessions" sets transit_encryption_enabled = false, so clients connect without TLS; set it to true`,
	}}
}

test_disabled_as_a_string_fails if {
	r := group({"transit_encryption_enabled": "false"})
	found := transit_encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_unset_fails_at_the_header if {
	r := group({})
	found := transit_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_elasticache_replication_group.sessions",
		"attribute": "",
		"message": `ElastiCache replication group "acme-sessions" does not set transit_encryption_enabled, which defaults to false, so clients connect without TLS; set it to true`,
	}}
}

test_unset_on_valkey_fails_too if {
	r := group({"engine": "valkey"})
	found := transit_encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_enabled_encryption_passes if {
	r := group({"transit_encryption_enabled": true, "transit_encryption_mode": "required"})
	found := transit_encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_switch_stays_silent if {
	r := t.with_unknown(group({}), ["transit_encryption_enabled"])
	found := transit_encryption.deny with input as t.input_of([r])
	found == set()
}

test_secondary_of_a_global_datastore_is_exempt if {
	r := group({"global_replication_group_id": "ldgnf-acme-sessions"})
	found := transit_encryption.deny with input as t.input_of([r])
	found == set()
}

test_group_with_unknown_id_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_elasticache_replication_group", "cache", {}), ["replication_group_id"])
	found := transit_encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "ElastiCache replication group aws_elasticache_replication_group.cache does not set")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_elasticache_replication_group", "existing", {"replication_group_id": "existing"})
	found := transit_encryption.deny with input as t.input_of([r])
	found == set()
}
