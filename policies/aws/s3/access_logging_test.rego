package soc2gate.aws.s3.access_logging_test

import data.soc2gate.aws.s3.access_logging
import data.soc2gate.lib.aws.inputs_test as t

lg := "aws_s3_bucket_logging"

data_bucket := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})

log_bucket := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

missing := `bucket "acme-data" has no server access logging: no inline logging block and no aws_s3_bucket_logging references it; send its access logs to a log bucket`

# `aws_s3_bucket_logging` of `bucket` into `target` by reference.
logging_ref(name, bucket, target) := t.with_unknown(
	t.with_refs(t.resource(lg, name, {}), {"bucket": [bucket.address], "target_bucket": [target.address]}),
	["bucket", "target_bucket"],
)

test_bucket_without_logging_fails_at_the_header if {
	b := data_bucket
	found := access_logging.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_split_logging_by_reference_passes_and_exempts_the_target if {
	b := data_bucket
	l := log_bucket
	s := logging_ref("data", b, l)
	found := access_logging.deny with input as t.input_of([b, l, s])
	found == set()
}

test_split_logging_by_literal_names_passes_and_exempts_the_target if {
	b := data_bucket
	l := log_bucket
	s := t.resource(lg, "data", {"bucket": "acme-data", "target_bucket": "acme-logs"})
	found := access_logging.deny with input as t.input_of([b, l, s])
	found == set()
}

test_inline_logging_passes_and_exempts_the_target_by_reference if {
	b := t.with_unknown(
		t.with_refs(t.resource("aws_s3_bucket", "data", {"bucket": "acme-data", "logging": [{"target_prefix": "data/"}]}), {"logging[0].target_bucket": ["aws_s3_bucket.logs"]}),
		["logging[0].target_bucket"],
	)
	l := log_bucket
	found := access_logging.deny with input as t.input_of([b, l])
	found == set()
}

test_inline_logging_exempts_the_target_by_literal_name if {
	b := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data", "logging": [{"target_bucket": "acme-logs"}]})
	l := log_bucket
	found := access_logging.deny with input as t.input_of([b, l])
	found == set()
}

test_a_bucket_that_is_no_target_fails if {
	b := data_bucket
	l := log_bucket
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := logging_ref("other", other, l)
	found := access_logging.deny with input as t.input_of([b, l, other, s])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_a_target_in_another_module_by_literal_name_exempts_nothing_here if {
	b := data_bucket
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other", "logging": [{"target_bucket": "acme-central-logs"}]})
	found := access_logging.deny with input as t.input_of([b, other])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_a_literal_target_may_be_a_bucket_whose_name_is_unknown if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other", "logging": [{"target_bucket": "acme-central-logs"}]})
	found := access_logging.deny with input as t.input_of([b, other])
	found == set()
}

test_an_unknown_target_may_be_a_bucket_whose_name_is_unknown if {
	# target_bucket = var.log_bucket, no default.
	b := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := t.with_unknown(t.bucket_ref(t.resource(lg, "other", {}), other), ["bucket", "target_bucket"])
	found := access_logging.deny with input as t.input_of([b, other, s])
	found == set()
}

test_an_unknown_target_does_not_exempt_a_bucket_with_a_known_name if {
	b := data_bucket
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := t.with_unknown(t.bucket_ref(t.resource(lg, "other", {}), other), ["bucket", "target_bucket"])
	found := access_logging.deny with input as t.input_of([b, other, s])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_an_unknown_target_names_the_bucket_written_as_the_same_expression if {
	# bucket = var.log_bucket on the log bucket, target_bucket = var.log_bucket.
	logs := t.with_expressions(t.resource("aws_s3_bucket", "logs", {}), {"bucket": "var.log_bucket"})
	named := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := t.with_expressions(t.bucket_ref(t.resource(lg, "other", {}), other), {"target_bucket": "var.log_bucket"})
	found := access_logging.deny with input as t.input_of([logs, named, other, s])
	found == {{"resource": "aws_s3_bucket.named", "attribute": "", "message": `bucket aws_s3_bucket.named has no server access logging: no inline logging block and no aws_s3_bucket_logging references it; send its access logs to a log bucket`}}
}

test_a_target_referencing_a_bucket_data_source_exempts_nothing_here if {
	b := data_bucket
	central := t.data_source("aws_s3_bucket", "central", {"bucket": "acme-central-logs"})
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := logging_ref("other", other, central)
	found := access_logging.deny with input as t.input_of([b, central, other, s])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_logging_of_an_unknown_bucket_keeps_buckets_quiet if {
	b := data_bucket
	s := t.with_unknown(t.resource(lg, "any", {"target_bucket": "acme-central-logs"}), ["bucket"])
	found := access_logging.deny with input as t.input_of([b, s])
	found == set()
}

test_dynamic_inline_logging_stays_silent if {
	b := t.with_unknown(data_bucket, ["logging"])
	found := access_logging.deny with input as t.input_of([b])
	found == set()
}

test_logging_of_another_bucket_does_not_count if {
	b := data_bucket
	l := log_bucket
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	s := t.resource(lg, "other", {"bucket": "acme-other", "target_bucket": "acme-logs"})
	found := access_logging.deny with input as t.input_of([b, l, other, s])
	found == {{"resource": "aws_s3_bucket.data", "attribute": "", "message": missing}}
}

test_bucket_data_sources_are_not_judged if {
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	found := access_logging.deny with input as t.input_of([existing])
	found == set()
}
