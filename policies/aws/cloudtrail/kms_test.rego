package soc2gate.aws.cloudtrail.kms_test

import data.soc2gate.aws.cloudtrail.kms
import data.soc2gate.lib.aws.inputs_test as t

trail(values) := t.resource("aws_cloudtrail", "main", object.union({"name": "main", "s3_bucket_name": "acme-trail"}, values))

found_for(trails) := found if {
	found := kms.deny with input as t.input_of(trails)
}

test_unset_key_fails_at_the_header if {
	found_for([trail({})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "",
		"message": `trail "main" has no kms_key_id: its log files are encrypted only with the bucket's default (SSE-S3); set kms_key_id to the ARN of a customer managed KMS key`,
	}}
}

test_empty_key_fails_at_the_attribute if {
	found_for([trail({"kms_key_id": ""})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "kms_key_id",
		"message": `trail "main" has an empty kms_key_id: its log files are encrypted only with the bucket's default (SSE-S3); set kms_key_id to the ARN of a customer managed KMS key`,
	}}
}

test_literal_key_passes if {
	found_for([trail({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/0c3d5e8a-1b2c-4d5e-8f90-123456789abc"})]) == set()
}

test_referenced_key_passes if {
	r := t.with_unknown(t.with_refs(trail({}), {"kms_key_id": ["aws_kms_key.trail"]}), ["kms_key_id"])
	found_for([r]) == set()
}

test_unknown_key_stays_silent if {
	found_for([t.with_unknown(trail({}), ["kms_key_id"])]) == set()
}

test_data_sources_are_not_judged if {
	found_for([t.data_source("aws_cloudtrail", "existing", {"name": "existing"})]) == set()
}
