package soc2gate.aws.cloudwatch.log_kms_test

import data.soc2gate.aws.cloudwatch.log_kms
import data.soc2gate.lib.aws.inputs_test as t

group(values) := t.resource("aws_cloudwatch_log_group", "app", object.union({"name": "/acme/app"}, values))

found_for(g) := found if {
	found := log_kms.deny with input as t.input_of([g])
}

test_log_group_without_key_fails_at_the_header if {
	found_for(group({"retention_in_days": 365})) == {{
		"resource": "aws_cloudwatch_log_group.app",
		"attribute": "",
		"message": `log group "/acme/app" has no kms_key_id: its events are encrypted with an AWS owned key that no key policy of yours controls; set kms_key_id to a customer managed KMS key`,
	}}
}

test_empty_key_fails_at_the_attribute if {
	[v] := [x | some x in found_for(group({"kms_key_id": ""}))]
	v.attribute == "kms_key_id"
	startswith(v.message, `log group "/acme/app" has an empty kms_key_id`)
}

test_literal_key_arn_passes if {
	found_for(group({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})) == set()
}

test_key_reference_is_unknown_and_passes if {
	# kms_key_id = aws_kms_key.logs.arn
	g := t.with_refs(t.with_unknown(group({}), ["kms_key_id"]), {"kms_key_id": ["aws_kms_key.logs"]})
	found_for(g) == set()
}

test_unknown_key_stays_silent if {
	found_for(t.with_unknown(group({}), ["kms_key_id"])) == set()
}

test_group_with_generated_name_is_described_by_address if {
	g := t.resource("aws_cloudwatch_log_group", "scratch", {})
	[v] := [x | some x in found_for(g)]
	startswith(v.message, "log group aws_cloudwatch_log_group.scratch has no kms_key_id")
}

test_log_group_data_sources_are_not_judged if {
	found_for(t.data_source("aws_cloudwatch_log_group", "app", {"name": "/acme/app"})) == set()
}
