package soc2gate.aws.sqs.encryption_test

import data.soc2gate.aws.sqs.encryption
import data.soc2gate.lib.aws.inputs_test as t

queue(values) := t.resource("aws_sqs_queue", "orders", object.union({"name": "acme-orders"}, values))

test_disabled_sse_without_key_fails_at_the_attribute if {
	r := queue({"sqs_managed_sse_enabled": false})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_sqs_queue.orders",
		"attribute": "sqs_managed_sse_enabled",
		"message": `SQS queue "acme-orders" sets sqs_managed_sse_enabled = false and has no kms_master_key_id, so its messages are not encrypted at rest; set sqs_managed_sse_enabled = true or a kms_master_key_id`,
	}}
}

test_disabled_sse_as_a_string_fails if {
	r := queue({"sqs_managed_sse_enabled": "false"})
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_queue_declaring_nothing_fails_at_the_header if {
	r := queue({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_sqs_queue.orders",
		"attribute": "",
		"message": `SQS queue "acme-orders" declares neither a kms_master_key_id nor sqs_managed_sse_enabled = true: its encryption rests on an AWS default that the configuration does not declare and Terraform does not check for drift; set sqs_managed_sse_enabled = true or a kms_master_key_id`,
	}}
}

test_empty_key_counts_as_none if {
	r := queue({"kms_master_key_id": ""})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "kms_master_key_id"
}

test_empty_key_and_disabled_sse_fail_once if {
	r := queue({"kms_master_key_id": "", "sqs_managed_sse_enabled": false})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "sqs_managed_sse_enabled"
}

test_sqs_managed_sse_passes if {
	r := queue({"sqs_managed_sse_enabled": true})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_sqs_managed_sse_as_a_string_passes if {
	r := queue({"sqs_managed_sse_enabled": "true"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_kms_key_passes if {
	r := queue({"kms_master_key_id": "alias/aws/sqs"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_kms_key_by_reference_passes if {
	# kms_master_key_id = aws_kms_key.sqs.arn: unknown, but set.
	r := t.with_refs(t.with_unknown(queue({}), ["kms_master_key_id"]), {"kms_master_key_id": ["aws_kms_key.sqs"]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_switch_stays_silent if {
	r := t.with_unknown(queue({}), ["sqs_managed_sse_enabled"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_queue_with_generated_name_is_described_by_address if {
	r := t.resource("aws_sqs_queue", "jobs", {"name_prefix": "jobs-"})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "SQS queue aws_sqs_queue.jobs declares neither")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_sqs_queue", "existing", {"name": "existing"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}
