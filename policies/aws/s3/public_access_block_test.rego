package soc2gate.aws.s3.public_access_block_test

import data.soc2gate.aws.s3.public_access_block
import data.soc2gate.lib.aws.inputs_test as t

pab := "aws_s3_bucket_public_access_block"

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

all_true := {
	"block_public_acls": true,
	"block_public_policy": true,
	"ignore_public_acls": true,
	"restrict_public_buckets": true,
}

account(values) := t.resource("aws_s3_account_public_access_block", "this", values)

missing := `bucket "acme-logs" has no public access block: no aws_s3_bucket_public_access_block references it and no aws_s3_account_public_access_block with all four flags true is in the scan; add one with all four flags true`

test_bucket_without_a_block_fails_at_the_header if {
	b := logs
	found := public_access_block.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_block_by_reference_with_all_flags_passes if {
	b := logs
	p := t.bucket_ref(t.resource(pab, "logs", all_true), b)
	found := public_access_block.deny with input as t.input_of([b, p])
	found == set()
}

test_block_by_literal_name_with_all_flags_passes if {
	b := logs
	p := t.resource(pab, "logs", object.union(all_true, {"bucket": "acme-logs"}))
	found := public_access_block.deny with input as t.input_of([b, p])
	found == set()
}

test_flag_false_fails_at_that_flag if {
	b := logs
	p := t.bucket_ref(t.resource(pab, "logs", object.union(all_true, {"block_public_policy": false})), b)
	found := public_access_block.deny with input as t.input_of([b, p])
	found == {{
		"resource": "aws_s3_bucket_public_access_block.logs",
		"attribute": "block_public_policy",
		"message": `the public access block of bucket "acme-logs" sets block_public_policy = false; set it to true`,
	}}
}

test_two_flags_false_are_two_findings if {
	b := logs
	p := t.bucket_ref(t.resource(pab, "logs", object.union(all_true, {"block_public_acls": false, "ignore_public_acls": false})), b)
	found := public_access_block.deny with input as t.input_of([b, p])
	{v.attribute | some v in found} == {"block_public_acls", "ignore_public_acls"}
}

test_unset_flags_default_to_false_at_the_header if {
	b := logs
	p := t.bucket_ref(t.resource(pab, "logs", {"block_public_acls": true, "block_public_policy": true}), b)
	found := public_access_block.deny with input as t.input_of([b, p])
	found == {{
		"resource": "aws_s3_bucket_public_access_block.logs",
		"attribute": "",
		"message": `the public access block of bucket "acme-logs" leaves ignore_public_acls, restrict_public_buckets unset, which defaults to false; set all four flags to true`,
	}}
}

test_unknown_flag_stays_silent if {
	b := logs
	p := t.with_unknown(t.bucket_ref(t.resource(pab, "logs", object.remove(all_true, ["block_public_acls"])), b), ["bucket", "block_public_acls"])
	found := public_access_block.deny with input as t.input_of([b, p])
	found == set()
}

test_block_of_an_unknown_bucket_keeps_buckets_quiet if {
	b := logs
	p := t.with_unknown(t.resource(pab, "any", all_true), ["bucket"])
	found := public_access_block.deny with input as t.input_of([b, p])
	found == set()
}

test_block_of_another_bucket_does_not_count if {
	b := logs
	other := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})
	p := t.bucket_ref(t.resource(pab, "data", all_true), other)
	found := public_access_block.deny with input as t.input_of([b, other, p])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_account_block_in_the_scan_exempts_every_bucket if {
	b := logs
	p := t.bucket_ref(t.resource(pab, "logs", {"block_public_acls": false}), b)
	found := public_access_block.deny with input as t.input_of([b, p])
		with data.scan as {"resources": {"aws_s3_account_public_access_block": [account(all_true)]}}
	found == set()
}

test_account_block_with_unknown_flags_exempts if {
	b := logs
	a := t.with_unknown(account({"block_public_acls": true}), ["block_public_policy", "ignore_public_acls", "restrict_public_buckets"])
	found := public_access_block.deny with input as t.input_of([b])
		with data.scan as {"resources": {"aws_s3_account_public_access_block": [a]}}
	found == set()
}

test_account_block_with_a_flag_off_does_not_exempt if {
	b := logs
	a := account(object.union(all_true, {"restrict_public_buckets": false}))
	found := public_access_block.deny with input as t.input_of([b])
		with data.scan as {"resources": {"aws_s3_account_public_access_block": [a]}}
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}

test_account_block_with_a_flag_unset_does_not_exempt if {
	b := logs
	a := account(object.remove(all_true, ["ignore_public_acls"]))
	found := public_access_block.deny with input as t.input_of([b])
		with data.scan as {"resources": {"aws_s3_account_public_access_block": [a]}}
	count(found) == 1
}

test_no_scan_data_reports if {
	b := logs
	found := public_access_block.deny with input as t.input_of([b]) with data.scan as {}
	count(found) == 1
}

test_block_data_sources_are_not_judged if {
	b := logs
	p := object.union(t.resource(pab, "logs", {"bucket": "acme-logs"}), {"mode": "data", "address": "data.aws_s3_bucket_public_access_block.logs"})
	found := public_access_block.deny with input as t.input_of([b, p])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": missing}}
}
