package soc2gate.aws.s3.audit_log_immutable_test

import data.soc2gate.aws.s3.audit_log_immutable
import data.soc2gate.lib.aws.inputs_test as t

lock := "aws_s3_bucket_object_lock_configuration"

trail_bucket := t.resource("aws_s3_bucket", "trail", {"bucket": "acme-trail"})

message := `bucket "acme-trail" receives CloudTrail logs but has no Object Lock, so the audit logs can be deleted or overwritten; set object_lock_enabled = true and a default retention`

# `s3_bucket_name = aws_s3_bucket.<name>.id`.
trail_ref(bucket) := t.with_unknown(
	t.with_refs(t.resource("aws_cloudtrail", "main", {"name": "main"}), {"s3_bucket_name": [bucket.address]}),
	["s3_bucket_name"],
)

trail_named(name) := t.resource("aws_cloudtrail", "main", {"name": "main", "s3_bucket_name": name})

test_trail_bucket_without_object_lock_fails_at_the_header if {
	b := trail_bucket
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == {{"resource": "aws_s3_bucket.trail", "attribute": "", "message": message}}
}

test_trail_bucket_named_by_literal_fails if {
	b := trail_bucket
	tr := trail_named("acme-trail")
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == {{"resource": "aws_s3_bucket.trail", "attribute": "", "message": message}}
}

test_object_lock_disabled_fails_at_the_attribute if {
	b := t.resource("aws_s3_bucket", "trail", {"bucket": "acme-trail", "object_lock_enabled": false})
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == {{"resource": "aws_s3_bucket.trail", "attribute": "object_lock_enabled", "message": message}}
}

test_object_lock_enabled_passes if {
	b := t.resource("aws_s3_bucket", "trail", {"bucket": "acme-trail", "object_lock_enabled": true})
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}

test_inline_v3_configuration_passes if {
	b := t.resource("aws_s3_bucket", "trail", {"bucket": "acme-trail", "object_lock_configuration": [{"object_lock_enabled": "Enabled"}]})
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}

test_inline_configuration_without_enabled_fails if {
	b := t.resource("aws_s3_bucket", "trail", {"bucket": "acme-trail", "object_lock_configuration": [{"rule": []}]})
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	count(found) == 1
}

test_split_configuration_by_reference_passes if {
	b := trail_bucket
	tr := trail_ref(b)
	c := t.bucket_ref(t.resource(lock, "trail", {}), b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr, c])
	found == set()
}

test_split_configuration_by_literal_name_passes if {
	b := trail_bucket
	tr := trail_ref(b)
	c := t.resource(lock, "trail", {"bucket": "acme-trail"})
	found := audit_log_immutable.deny with input as t.input_of([b, tr, c])
	found == set()
}

test_configuration_of_an_unknown_bucket_keeps_it_quiet if {
	b := trail_bucket
	tr := trail_ref(b)
	c := t.with_unknown(t.resource(lock, "any", {}), ["bucket"])
	found := audit_log_immutable.deny with input as t.input_of([b, tr, c])
	found == set()
}

test_configuration_of_another_bucket_does_not_count if {
	b := trail_bucket
	tr := trail_ref(b)
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	c := t.bucket_ref(t.resource(lock, "other", {}), other)
	found := audit_log_immutable.deny with input as t.input_of([b, tr, other, c])
	found == {{"resource": "aws_s3_bucket.trail", "attribute": "", "message": message}}
}

test_unknown_object_lock_stays_silent if {
	b := t.with_unknown(trail_bucket, ["object_lock_enabled"])
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}

test_unknown_inline_configuration_stays_silent if {
	b := t.with_unknown(trail_bucket, ["object_lock_configuration"])
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}

test_buckets_without_trails_are_not_judged if {
	b := trail_bucket
	other := t.resource("aws_s3_bucket", "other", {"bucket": "acme-other"})
	tr := trail_ref(other)
	found := audit_log_immutable.deny with input as t.input_of([b, other, tr])
	found == {{
		"resource": "aws_s3_bucket.other",
		"attribute": "",
		"message": `bucket "acme-other" receives CloudTrail logs but has no Object Lock, so the audit logs can be deleted or overwritten; set object_lock_enabled = true and a default retention`,
	}}
}

test_trail_with_unknown_bucket_judges_nothing if {
	b := trail_bucket
	tr := t.with_unknown(t.resource("aws_cloudtrail", "main", {"name": "main"}), ["s3_bucket_name"])
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}

test_trail_of_another_module_names_the_bucket if {
	b := trail_bucket
	tr := object.union(trail_named("acme-trail"), {"file": "audit/main.tf"})
	found := audit_log_immutable.deny with input as t.input_of([b])
		with data.scan as {"resources": {"aws_cloudtrail": [tr]}}
	found == {{"resource": "aws_s3_bucket.trail", "attribute": "", "message": message}}
}

test_references_from_another_module_are_not_joins if {
	# An address in another module may name another resource there.
	b := trail_bucket
	tr := trail_ref(b)
	found := audit_log_immutable.deny with input as t.input_of([b])
		with data.scan as {"resources": {"aws_cloudtrail": [tr]}}
	found == set()
}

test_trail_data_sources_do_not_count if {
	b := trail_bucket
	tr := object.union(trail_named("acme-trail"), {"mode": "data", "address": "data.aws_cloudtrail.main"})
	found := audit_log_immutable.deny with input as t.input_of([b, tr])
	found == set()
}
