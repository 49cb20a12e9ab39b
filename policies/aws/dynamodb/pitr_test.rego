package soc2gate.aws.dynamodb.pitr_test

import data.soc2gate.aws.dynamodb.pitr
import data.soc2gate.lib.aws.inputs_test as t

table(values) := t.resource("aws_dynamodb_table", "orders", object.union({"name": "orders", "hash_key": "id"}, values))

test_table_without_block_fails_at_the_header if {
	r := table({})
	found := pitr.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_dynamodb_table.orders",
		"attribute": "",
		"message": `DynamoDB table "orders" has no point_in_time_recovery block, so point-in-time recovery is off; add point_in_time_recovery { enabled = true }`,
	}}
}

test_disabled_recovery_fails_at_the_attribute if {
	r := table({"point_in_time_recovery": [{"enabled": false}]})
	found := pitr.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_dynamodb_table.orders",
		"attribute": "point_in_time_recovery[0].enabled",
		"message": `DynamoDB table "orders" sets point_in_time_recovery.enabled = false; set it to true`,
	}}
}

test_disabled_as_a_string_fails if {
	r := table({"point_in_time_recovery": [{"enabled": "false"}]})
	found := pitr.deny with input as t.input_of([r])
	count(found) == 1
}

test_block_without_enabled_fails_at_the_block if {
	r := table({"point_in_time_recovery": [{"recovery_period_in_days": 7}]})
	found := pitr.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "point_in_time_recovery[0]"
}

test_enabled_recovery_passes if {
	r := table({"point_in_time_recovery": [{"enabled": true}]})
	found := pitr.deny with input as t.input_of([r])
	found == set()
}

test_enabled_as_a_string_passes if {
	r := table({"point_in_time_recovery": [{"enabled": "true"}]})
	found := pitr.deny with input as t.input_of([r])
	found == set()
}

test_unknown_enabled_stays_silent if {
	r := t.with_unknown(table({"point_in_time_recovery": [{}]}), ["point_in_time_recovery[0].enabled"])
	found := pitr.deny with input as t.input_of([r])
	found == set()
}

test_dynamic_block_stays_silent if {
	r := t.with_unknown(table({}), ["point_in_time_recovery"])
	found := pitr.deny with input as t.input_of([r])
	found == set()
}

test_table_with_unknown_name_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_dynamodb_table", "events", {"hash_key": "id"}), ["name"])
	found := pitr.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "DynamoDB table aws_dynamodb_table.events has no point_in_time_recovery block")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_dynamodb_table", "existing", {"name": "existing"})
	found := pitr.deny with input as t.input_of([r])
	found == set()
}
