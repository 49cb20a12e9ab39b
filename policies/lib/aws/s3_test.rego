package soc2gate.lib.aws.s3_test

import data.soc2gate.lib.aws.inputs_test as t
import data.soc2gate.lib.aws.s3

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

data_bucket := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})

sse := "aws_s3_bucket_server_side_encryption_configuration"

test_joined_by_reference if {
	b := logs
	split := t.bucket_ref(t.resource(sse, "logs", {}), b)
	s3.joined(b, split)
	s3.maybe_joined(b, split)
}

test_joined_by_reference_to_a_local if {
	# `bucket = local.bucket_id` where the local references the bucket: the loader
	# records the bucket in refs all the same.
	b := logs
	split := t.with_unknown(t.with_refs(t.resource(sse, "logs", {}), {"bucket": ["aws_s3_bucket.logs"]}), ["bucket"])
	s3.joined(b, split)
}

test_joined_by_reference_to_an_instance if {
	b := object.union(logs, {"address": "aws_s3_bucket.logs[0]"})
	split := t.with_unknown(t.with_refs(t.resource(sse, "logs", {}), {"bucket": ["aws_s3_bucket.logs"]}), ["bucket"])
	s3.joined(b, split)
}

test_joined_by_literal_name if {
	b := logs
	split := t.resource(sse, "logs", {"bucket": "acme-logs"})
	s3.joined(b, split)
}

test_not_joined_to_another_bucket if {
	b := logs
	other := data_bucket
	by_ref := t.bucket_ref(t.resource(sse, "data", {}), other)
	by_name := t.resource(sse, "data2", {"bucket": "acme-data"})
	inp := t.input_of([b, other, by_ref, by_name])
	not s3.joined(b, by_ref)
	not s3.joined(b, by_name)
	not s3.maybe_joined(b, by_ref) with input as inp
	not s3.maybe_joined(b, by_name) with input as inp
}

test_a_name_prefix_is_not_a_join if {
	b := logs
	split := t.resource(sse, "x", {"bucket": "acme-logs-archive"})
	not s3.joined(b, split)
}

test_unknown_bucket_without_a_resolvable_reference_may_be_joined if {
	# `bucket = var.bucket_id` (no default): any bucket of the module may be meant.
	b := logs
	split := t.with_unknown(t.resource(sse, "x", {}), ["bucket"])
	inp := t.input_of([b, split])
	not s3.joined(b, split)
	s3.maybe_joined(b, split) with input as inp
}

test_reference_to_something_else_may_be_joined if {
	# `bucket = aws_s3_bucket_public_access_block.logs.bucket`: not a bucket, so the
	# split cannot be placed and may belong to any bucket.
	b := logs
	split := t.with_unknown(t.with_refs(t.resource(sse, "x", {}), {"bucket": ["aws_s3_bucket_public_access_block.logs"]}), ["bucket"])
	inp := t.input_of([b, split])
	s3.maybe_joined(b, split) with input as inp
}

test_reference_to_a_bucket_data_source_is_resolved if {
	b := logs
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	split := t.bucket_ref(t.resource(sse, "x", {}), existing)
	inp := t.input_of([b, existing, split])
	not s3.maybe_joined(b, split) with input as inp
}

test_literal_may_name_a_bucket_whose_name_is_unknown if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named_by_var", {}), ["bucket"])
	split := t.resource(sse, "x", {"bucket": "acme-elsewhere"})
	inp := t.input_of([b, split])
	s3.maybe_joined(b, split) with input as inp
}

test_literal_naming_another_bucket_is_not_maybe_joined if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named_by_var", {}), ["bucket"])
	other := logs
	split := t.resource(sse, "x", {"bucket": "acme-logs"})
	inp := t.input_of([b, other, split])
	not s3.maybe_joined(b, split) with input as inp
}

test_literal_cannot_join_a_bucket_with_a_generated_name if {
	# No `bucket` attribute: AWS generates the name, a literal cannot match it.
	b := t.resource("aws_s3_bucket", "generated", {"bucket_prefix": "acme-"})
	split := t.resource(sse, "x", {"bucket": "acme-other"})
	inp := t.input_of([b, split])
	not s3.maybe_joined(b, split) with input as inp
}

test_maybe_joined_of_skips_data_sources_and_other_buckets if {
	b := logs
	other := data_bucket
	mine := t.bucket_ref(t.resource(sse, "mine", {}), b)
	theirs := t.bucket_ref(t.resource(sse, "theirs", {}), other)
	inp := t.input_of([b, other, mine, theirs])
	got := s3.maybe_joined_of(b, sse) with input as inp
	[x.address | some x in got] == ["aws_s3_bucket_server_side_encryption_configuration.mine"]
}

test_buckets_are_managed_only if {
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	b := logs
	got := s3.buckets with input as t.input_of([b, existing])
	[x.address | some x in got] == ["aws_s3_bucket.logs"]
}

test_bucket_name_is_known_or_undefined if {
	s3.bucket_name(logs) == "acme-logs"
	not s3.bucket_name(t.with_unknown(t.resource("aws_s3_bucket", "x", {}), ["bucket"]))
	not s3.bucket_name(t.resource("aws_s3_bucket", "x", {}))
}

test_describe if {
	s3.describe(logs) == `bucket "acme-logs"`
	s3.describe(t.resource("aws_s3_bucket", "x", {})) == "bucket aws_s3_bucket.x"
}

test_reference_to_an_instance_of_a_bucket_is_resolved if {
	b := object.union(logs, {"address": "aws_s3_bucket.logs[0]"})
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	split := t.with_unknown(t.with_refs(t.resource(sse, "x", {}), {"bucket": ["aws_s3_bucket.logs"]}), ["bucket"])
	inp := t.input_of([b, other, split])
	s3.resolved(split) with input as inp
	not s3.maybe_joined(other, split) with input as inp
}
