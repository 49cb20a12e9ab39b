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

test_joined_of_is_certain_only if {
	b := logs
	mine := t.bucket_ref(t.resource(sse, "mine", {}), b)
	by_name := t.resource(sse, "by_name", {"bucket": "acme-logs"})
	floating := t.with_unknown(t.resource(sse, "floating", {}), ["bucket"])
	existing := object.union(t.resource(sse, "existing", {"bucket": "acme-logs"}), {"mode": "data", "address": "data.x.existing"})
	inp := t.input_of([b, mine, by_name, floating, existing])
	got := s3.joined_of(b, sse) with input as inp
	{x.address | some x in got} == {
		"aws_s3_bucket_server_side_encryption_configuration.mine",
		"aws_s3_bucket_server_side_encryption_configuration.by_name",
	}
	maybe := s3.maybe_joined_of(b, sse) with input as inp
	count(maybe) == 3
}

test_joined_of_an_instance_by_reference_to_its_resource if {
	b := object.union(logs, {"address": "aws_s3_bucket.logs[0]"})
	split := t.with_unknown(t.with_refs(t.resource(sse, "x", {}), {"bucket": ["aws_s3_bucket.logs"]}), ["bucket"])
	got := s3.joined_of(b, sse) with input as t.input_of([b, split])
	count(got) == 1
}

test_attribute_keys_of_a_reference_and_a_literal if {
	trail := t.with_unknown(t.with_refs(t.resource("aws_cloudtrail", "main", {}), {"s3_bucket_name": ["aws_s3_bucket.logs"]}), ["s3_bucket_name"])
	s3.attribute_keys(trail, ["s3_bucket_name"]) == {"ref:aws_s3_bucket.logs"}
	inline := t.resource("aws_s3_bucket", "x", {"logging": [{"target_bucket": "acme-logs"}]})
	s3.attribute_keys(inline, ["logging", 0, "target_bucket"]) == {"name:acme-logs"}
	nested := t.with_refs(t.resource("aws_s3_bucket", "y", {}), {"logging[0].target_bucket": ["aws_s3_bucket.logs"]})
	s3.attribute_keys(nested, ["logging", 0, "target_bucket"]) == {"ref:aws_s3_bucket.logs"}
	s3.attribute_keys(t.resource("aws_cloudtrail", "none", {}), ["s3_bucket_name"]) == set()
}

test_keys_match_attribute_keys if {
	b := logs
	k := s3.keys(b)
	"ref:aws_s3_bucket.logs" in k
	"name:acme-logs" in k
}

test_names_a_bucket if {
	b := logs
	inp := t.input_of([b])
	s3.names_a_bucket({"name:acme-logs"}) with input as inp
	s3.names_a_bucket({"ref:aws_s3_bucket.logs"}) with input as inp
	not s3.names_a_bucket({"name:acme-other", "ref:aws_s3_bucket.other"}) with input as inp
	not s3.names_a_bucket(set()) with input as inp
}

test_describe_bucket_of_a_joined_split if {
	b := logs
	split := t.bucket_ref(t.resource(sse, "x", {}), b)
	got := s3.describe_bucket_of(split) with input as t.input_of([b, split])
	got == `bucket "acme-logs"`
}

test_describe_bucket_of_an_unjoined_split if {
	by_name := t.resource(sse, "a", {"bucket": "acme-elsewhere"})
	by_ref := t.with_unknown(t.with_refs(t.resource(sse, "b", {}), {"bucket": ["module.data.bucket"]}), ["bucket"])
	floating := t.with_unknown(t.resource(sse, "c", {}), ["bucket"])
	inp := t.input_of([by_name, by_ref, floating])
	got_name := s3.describe_bucket_of(by_name) with input as inp
	got_name == `bucket "acme-elsewhere"`
	got_ref := s3.describe_bucket_of(by_ref) with input as inp
	got_ref == "bucket module.data.bucket"
	got_floating := s3.describe_bucket_of(floating) with input as inp
	got_floating == "its bucket"
}

test_describe_bucket_of_a_split_joined_to_every_instance if {
	# `bucket = aws_s3_bucket.lake[count.index].id` references the resource, so each
	# instance is joined to every bucket instance: named by the reference.
	b0 := t.resource("aws_s3_bucket", "lake[0]", {"bucket": "acme-lake-raw"})
	b1 := t.resource("aws_s3_bucket", "lake[1]", {"bucket": "acme-lake-curated"})
	split := t.with_unknown(t.with_refs(t.resource(sse, "lake[0]", {}), {"bucket": ["aws_s3_bucket.lake"]}), ["bucket"])
	got := s3.describe_bucket_of(split) with input as t.input_of([b0, b1, split])
	got == "bucket aws_s3_bucket.lake"
}

test_joined_by_the_same_unknown_expression if {
	# `bucket = var.name` on both: the same bucket, although its name is unknown.
	b := t.with_expressions(t.resource("aws_s3_bucket", "this", {}), {"bucket": "var.name"})
	other := data_bucket
	split := t.with_expressions(t.resource(sse, "this", {}), {"bucket": "var.name"})
	inp := t.input_of([b, other, split])
	s3.joined(b, split)
	s3.resolved(split) with input as inp
	not s3.maybe_joined(other, split) with input as inp
	got := s3.maybe_joined_of(other, sse) with input as inp
	got == []
}

test_different_expressions_or_module_instances_do_not_join if {
	b := t.with_expressions(t.resource("aws_s3_bucket", "this", {}), {"bucket": "module.a: var.name"})
	split := t.with_expressions(t.resource(sse, "this", {}), {"bucket": "module.b: var.name"})
	inp := t.input_of([b, split])
	not s3.joined(b, split)
	not s3.resolved(split) with input as inp
	s3.maybe_joined(b, split) with input as inp
}

test_a_null_bucket_is_no_split_resource if {
	# A known null is left out of `values` by the loader; a null written by hand in a
	# test input is no `bucket` either.
	b := logs
	split := t.resource(sse, "x", {"bucket": null})
	got := s3.maybe_joined_of(b, sse) with input as t.input_of([b, split])
	got == []
}
