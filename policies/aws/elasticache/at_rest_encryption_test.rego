package soc2gate.aws.elasticache.at_rest_encryption_test

import data.soc2gate.aws.elasticache.at_rest_encryption
import data.soc2gate.lib.aws.inputs_test as t

group(values) := t.resource("aws_elasticache_replication_group", "sessions", object.union(
	{"replication_group_id": "acme-sessions", "description": "sessions", "node_type": "cache.t4g.small"},
	values,
))

test_disabled_encryption_fails_at_the_attribute if {
	r := group({"at_rest_encryption_enabled": false})
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_elasticache_replication_group.sessions",
		"attribute": "at_rest_encryption_enabled",
		"message": `ElastiCache replication group "acme-sessions" sets at_rest_encryption_enabled = false; set it to true (the group is replaced)`,
	}}
}

test_disabled_as_a_string_fails if {
	r := group({"at_rest_encryption_enabled": "false"})
	found := at_rest_encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_unset_on_the_default_engine_fails_at_the_header if {
	r := group({})
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_elasticache_replication_group.sessions",
		"attribute": "",
		"message": `ElastiCache replication group "acme-sessions" does not set at_rest_encryption_enabled, which defaults to false for the redis engine; set it to true (the group is replaced)`,
	}}
}

test_unset_on_redis_fails if {
	r := group({"engine": "redis"})
	found := at_rest_encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_unset_on_valkey_passes if {
	r := group({"engine": "valkey"})
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}

test_disabled_on_valkey_fails if {
	r := group({"engine": "valkey", "at_rest_encryption_enabled": false})
	found := at_rest_encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_unset_with_unknown_engine_stays_silent if {
	r := t.with_unknown(group({}), ["engine"])
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}

test_enabled_encryption_passes if {
	r := group({"at_rest_encryption_enabled": true})
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_switch_stays_silent if {
	r := t.with_unknown(group({}), ["at_rest_encryption_enabled"])
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}

test_secondary_of_a_global_datastore_is_exempt if {
	r := t.with_unknown(
		t.with_refs(group({}), {"global_replication_group_id": ["aws_elasticache_global_replication_group.sessions"]}),
		["global_replication_group_id"],
	)
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_elasticache_replication_group", "existing", {"replication_group_id": "existing"})
	found := at_rest_encryption.deny with input as t.input_of([r])
	found == set()
}
