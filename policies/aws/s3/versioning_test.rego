package soc2gate.aws.s3.versioning_test

import data.soc2gate.aws.s3.versioning
import data.soc2gate.lib.aws.inputs_test as t

ver := "aws_s3_bucket_versioning"

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

enabled := [{"status": "Enabled"}]

missing := `bucket "acme-logs" has no versioning: no inline versioning block and no aws_s3_bucket_versioning references it; add one with status "Enabled"`

test_bucket_without_versioning_fails_at_the_header if {
	b := logs
	found := versioning.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_split_versioning_by_reference_passes if {
	b := logs
	s := t.bucket_ref(t.resource(ver, "logs", {"versioning_configuration": enabled}), b)
	found := versioning.deny with input as t.input_of([b, s])
	found == set()
}

test_split_versioning_by_literal_name_passes if {
	b := logs
	s := t.resource(ver, "logs", {"bucket": "acme-logs", "versioning_configuration": enabled})
	found := versioning.deny with input as t.input_of([b, s])
	found == set()
}

test_inline_versioning_enabled_passes if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{"enabled": true}]})
	found := versioning.deny with input as t.input_of([b])
	found == set()
}

test_inline_versioning_disabled_fails_at_enabled if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{"enabled": false}]})
	found := versioning.deny with input as t.input_of([b])
	[v] := [x | some x in found]
	v.resource == "aws_s3_bucket.logs"
	v.attribute == "versioning[0].enabled"
	startswith(v.message, `bucket "acme-logs" has versioning disabled`)
}

test_inline_versioning_without_enabled_defaults_to_off if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{"mfa_delete": false}]})
	found := versioning.deny with input as t.input_of([b])
	[v] := [x | some x in found]
	v.attribute == "versioning[0].enabled"
}

test_inline_versioning_with_unknown_enabled_stays_silent if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{}]}), ["versioning[0].enabled"])
	found := versioning.deny with input as t.input_of([b])
	found == set()
}

test_dynamic_inline_versioning_stays_silent if {
	b := t.with_unknown(logs, ["versioning"])
	found := versioning.deny with input as t.input_of([b])
	found == set()
}

test_suspended_split_versioning_fails_at_its_status if {
	b := logs
	s := t.bucket_ref(t.resource(ver, "logs", {"versioning_configuration": [{"status": "Suspended"}]}), b)
	found := versioning.deny with input as t.input_of([b, s])
	found == {{
		"resource": "aws_s3_bucket_versioning.logs",
		"attribute": "versioning_configuration[0].status",
		"message": `versioning of bucket "acme-logs" is Suspended; set versioning_configuration.status = "Enabled"`,
	}}
}

test_disabled_split_versioning_by_name_fails if {
	b := logs
	s := t.resource(ver, "logs", {"bucket": "acme-logs", "versioning_configuration": [{"status": "Disabled"}]})
	found := versioning.deny with input as t.input_of([b, s])
	[v] := [x | some x in found]
	v.resource == "aws_s3_bucket_versioning.logs"
	v.message == `versioning of bucket "acme-logs" is Disabled; set versioning_configuration.status = "Enabled"`
}

test_suspended_split_versioning_of_a_bucket_elsewhere_fails if {
	# The bucket is managed in another module: the status is known all the same.
	s := t.with_unknown(t.resource(ver, "shared", {"versioning_configuration": [{"status": "Suspended"}]}), ["bucket"])
	found := versioning.deny with input as t.input_of([s])
	[v] := [x | some x in found]
	v.message == `versioning of its bucket is Suspended; set versioning_configuration.status = "Enabled"`
}

test_split_versioning_with_unknown_status_stays_silent if {
	b := logs
	s := t.with_unknown(t.bucket_ref(t.resource(ver, "logs", {"versioning_configuration": [{}]}), b), ["bucket", "versioning_configuration[0].status"])
	found := versioning.deny with input as t.input_of([b, s])
	found == set()
}

test_split_versioning_of_an_unknown_bucket_keeps_buckets_quiet if {
	# bucket = var.bucket_id, no default: it may be this bucket's versioning.
	b := logs
	s := t.with_unknown(t.resource(ver, "any", {"versioning_configuration": enabled}), ["bucket"])
	found := versioning.deny with input as t.input_of([b, s])
	found == set()
}

test_split_versioning_decides_over_inline if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "versioning": [{"enabled": false}]})
	s := t.bucket_ref(t.resource(ver, "logs", {"versioning_configuration": enabled}), b)
	found := versioning.deny with input as t.input_of([b, s])
	found == set()
}

test_versioning_of_another_bucket_does_not_count if {
	b := logs
	other := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})
	s := t.bucket_ref(t.resource(ver, "data", {"versioning_configuration": enabled}), other)
	found := versioning.deny with input as t.input_of([b, other, s])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_bucket_data_sources_are_not_judged if {
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	found := versioning.deny with input as t.input_of([existing])
	found == set()
}

test_object_lock_keeps_versioning_on if {
	locked := t.resource("aws_s3_bucket", "locked", {"bucket": "acme-locked", "object_lock_enabled": true})
	inline := t.resource("aws_s3_bucket", "inline", {"bucket": "acme-inline", "object_lock_configuration": [{"object_lock_enabled": "Enabled"}]})
	unknown := t.with_unknown(t.resource("aws_s3_bucket", "unknown", {"bucket": "acme-unknown"}), ["object_lock_enabled"])
	split := t.resource("aws_s3_bucket", "split", {"bucket": "acme-split"})
	lock := t.bucket_ref(t.resource("aws_s3_bucket_object_lock_configuration", "split", {}), split)
	found := versioning.deny with input as t.input_of([locked, inline, unknown, split, lock])
	found == set()
}

test_object_lock_off_does_not_keep_versioning_on if {
	b := object.union(logs, {"values": {"bucket": "acme-logs", "object_lock_enabled": false}})
	found := versioning.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_joined_by_the_same_unknown_expression if {
	b := t.with_expressions(t.resource("aws_s3_bucket", "this", {}), {"bucket": "var.name"})
	s := t.with_expressions(t.resource(ver, "this", {"versioning_configuration": enabled}), {"bucket": "var.name"})
	found := versioning.deny with input as t.input_of([logs, b, s])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}
