package soc2gate.aws.s3.encryption_at_rest_test

import data.soc2gate.aws.s3.encryption_at_rest
import data.soc2gate.lib.aws.inputs_test as t

sse := "aws_s3_bucket_server_side_encryption_configuration"

rule := [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

message := `bucket "acme-logs" has no server-side encryption configuration: no inline server_side_encryption_configuration and no aws_s3_bucket_server_side_encryption_configuration references it`

test_bucket_without_encryption_fails_at_the_header if {
	b := logs
	found := encryption_at_rest.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": message}}
}

test_inline_configuration_passes if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "server_side_encryption_configuration": [{"rule": rule}]})
	found := encryption_at_rest.deny with input as t.input_of([b])
	found == set()
}

test_split_configuration_by_reference_passes if {
	b := logs
	c := t.bucket_ref(t.resource(sse, "logs", {"rule": rule}), b)
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == set()
}

test_split_configuration_by_literal_name_passes if {
	b := logs
	c := t.resource(sse, "logs", {"bucket": "acme-logs", "rule": rule})
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == set()
}

test_configuration_of_another_bucket_does_not_count if {
	b := logs
	other := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})
	by_ref := t.bucket_ref(t.resource(sse, "data", {"rule": rule}), other)
	by_name := t.resource(sse, "data_by_name", {"bucket": "acme-data", "rule": rule})
	found := encryption_at_rest.deny with input as t.input_of([b, other, by_ref, by_name])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": message}}
}

test_unknown_inline_configuration_stays_silent if {
	# dynamic "server_side_encryption_configuration" { for_each = var.sse ... }
	b := t.with_unknown(logs, ["server_side_encryption_configuration"])
	found := encryption_at_rest.deny with input as t.input_of([b])
	found == set()
}

test_configuration_with_unresolvable_bucket_stays_silent if {
	# bucket = var.bucket_id, no default: it may be this bucket's configuration.
	b := logs
	c := t.with_unknown(t.resource(sse, "any", {"rule": rule}), ["bucket"])
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == set()
}

test_bucket_with_unknown_name_and_literal_configuration_stays_silent if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	c := t.resource(sse, "named", {"bucket": "acme-from-a-variable", "rule": rule})
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == set()
}

test_bucket_with_generated_name_is_described_by_address if {
	b := t.resource("aws_s3_bucket", "scratch", {"bucket_prefix": "acme-"})
	found := encryption_at_rest.deny with input as t.input_of([b])
	[v] := [x | some x in found]
	v.resource == "aws_s3_bucket.scratch"
	startswith(v.message, "bucket aws_s3_bucket.scratch has no server-side encryption configuration")
}

test_bucket_data_sources_are_not_judged if {
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	found := encryption_at_rest.deny with input as t.input_of([existing])
	found == set()
}

test_configuration_data_sources_do_not_count if {
	# Only managed configurations encrypt a bucket.
	b := logs
	c := object.union(t.resource(sse, "logs", {"bucket": "acme-logs"}), {"mode": "data", "address": "data.aws_s3_bucket_server_side_encryption_configuration.logs"})
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	count(found) == 1
}

test_a_configuration_without_default_encryption_declares_none if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})
	c := t.bucket_ref(t.resource("aws_s3_bucket_server_side_encryption_configuration", "logs", {"rule": [{"bucket_key_enabled": true}]}), b)
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == {{
		"resource": "aws_s3_bucket_server_side_encryption_configuration.logs",
		"attribute": "rule[0]",
		"message": `the server-side encryption configuration of bucket "acme-logs" declares no encryption: no rule has an apply_server_side_encryption_by_default block; add one with sse_algorithm = "aws:kms"`,
	}}
}

test_a_dynamic_default_encryption_block_may_declare_it if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})
	c := t.with_unknown(
		t.bucket_ref(t.resource("aws_s3_bucket_server_side_encryption_configuration", "logs", {"rule": [{"bucket_key_enabled": true}]}), b),
		["bucket", "rule[0].apply_server_side_encryption_by_default"],
	)
	found := encryption_at_rest.deny with input as t.input_of([b, c])
	found == set()
}
