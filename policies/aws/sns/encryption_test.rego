package soc2gate.aws.sns.encryption_test

import data.soc2gate.aws.sns.encryption
import data.soc2gate.lib.aws.inputs_test as t

topic(values) := t.resource("aws_sns_topic", "alerts", object.union({"name": "acme-alerts"}, values))

test_topic_without_key_fails_at_the_header if {
	r := topic({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_sns_topic.alerts",
		"attribute": "",
		"message": `SNS topic "acme-alerts" has no kms_master_key_id, so its messages are not encrypted at rest; set a KMS key such as alias/aws/sns or a customer managed key`,
	}}
}

test_empty_key_fails_at_the_attribute if {
	r := topic({"kms_master_key_id": ""})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "kms_master_key_id"
	startswith(v.message, `SNS topic "acme-alerts" has an empty kms_master_key_id`)
}

test_aws_managed_key_passes if {
	r := topic({"kms_master_key_id": "alias/aws/sns"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_key_by_reference_passes if {
	r := t.with_refs(t.with_unknown(topic({}), ["kms_master_key_id"]), {"kms_master_key_id": ["aws_kms_key.sns"]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_topic_with_generated_name_is_described_by_address if {
	r := t.resource("aws_sns_topic", "events", {"name_prefix": "events-"})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "SNS topic aws_sns_topic.events has no kms_master_key_id")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_sns_topic", "existing", {"name": "existing"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}
