package soc2gate.aws.dynamodb.encryption_test

import data.soc2gate.aws.dynamodb.encryption
import data.soc2gate.lib.aws.inputs_test as t

table(values) := t.resource("aws_dynamodb_table", "orders", object.union({"name": "orders", "hash_key": "id"}, values))

test_table_without_block_fails_at_the_header if {
	r := table({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_dynamodb_table.orders",
		"attribute": "",
		"message": `DynamoDB table "orders" has no server_side_encryption block, so DynamoDB encrypts it with an AWS owned key the account cannot control or audit; add server_side_encryption { enabled = true } with a customer managed kms_key_arn`,
	}}
}

test_disabled_encryption_fails_at_the_attribute if {
	r := table({"server_side_encryption": [{"enabled": false}]})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "server_side_encryption[0].enabled"
	startswith(v.message, `DynamoDB table "orders" sets server_side_encryption.enabled = false`)
}

test_disabled_as_a_string_fails if {
	r := table({"server_side_encryption": [{"enabled": "false"}]})
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_block_without_enabled_fails_at_the_block if {
	r := table({"server_side_encryption": [{"kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/x"}]})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "server_side_encryption[0]"
}

test_enabled_with_customer_managed_key_passes if {
	r := table({"server_side_encryption": [{"enabled": true, "kms_key_arn": "arn:aws:kms:eu-west-1:111122223333:key/x"}]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_enabled_with_aws_managed_key_passes if {
	r := table({"server_side_encryption": [{"enabled": true}]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_enabled_as_a_string_passes if {
	r := table({"server_side_encryption": [{"enabled": "true"}]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_enabled_stays_silent if {
	# enabled = var.encrypt, no default.
	r := t.with_unknown(table({"server_side_encryption": [{}]}), ["server_side_encryption[0].enabled"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_dynamic_block_stays_silent if {
	r := t.with_unknown(table({}), ["server_side_encryption"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_block_element_stays_silent if {
	r := t.with_unknown(table({"server_side_encryption": [null]}), ["server_side_encryption[0]"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_table_with_unknown_name_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_dynamodb_table", "events", {"hash_key": "id"}), ["name"])
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "DynamoDB table aws_dynamodb_table.events has no server_side_encryption block")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_dynamodb_table", "existing", {"name": "existing"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}
