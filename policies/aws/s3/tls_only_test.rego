package soc2gate.aws.s3.tls_only_test

import data.soc2gate.aws.s3.tls_only
import data.soc2gate.lib.aws.inputs_test as t

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

no_policy := `bucket "acme-logs" has no bucket policy, so S3 accepts requests without TLS: add one that denies s3:* when aws:SecureTransport is false`

no_denial(names) := sprintf(
	`no statement of the policy of bucket "acme-logs" (%s) denies requests without TLS: add a Deny for every principal on s3:* over the bucket and its objects when aws:SecureTransport is false`,
	[names],
)

read_statement := {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::acme-logs/*"}

# An aws_s3_bucket_policy of `bucket` holding `statements` as a known JSON string.
bucket_policy(name, bucket, statements) := t.bucket_ref(
	t.resource("aws_s3_bucket_policy", name, {"policy": json.marshal(t.document(statements))}),
	bucket,
)

# Deny found for `bucket` when its policy holds `statements`.
found_with(statements) := found if {
	b := logs
	p := bucket_policy("logs", b, statements)
	inp := t.input_of([b, p])
	found := tls_only.deny with input as inp
}

# The TLS-only statement of acme-logs with some fields replaced.
tls_with(changes) := object.union(object.remove(t.tls_statement("acme-logs"), object.keys(changes)), changes)

test_bucket_without_policy_fails_at_the_header if {
	b := logs
	found := tls_only.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_policy}}
}

test_split_policy_by_reference_passes if {
	found_with([read_statement, t.tls_statement("acme-logs")]) == set()
}

test_split_policy_by_literal_name_passes if {
	b := logs
	p := t.resource("aws_s3_bucket_policy", "logs", {"bucket": "acme-logs", "policy": json.marshal(t.document([t.tls_statement("acme-logs")]))})
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_inline_bucket_policy_passes if {
	b := object.union(logs, {"values": {"bucket": "acme-logs", "policy": json.marshal(t.document([t.tls_statement("acme-logs")]))}})
	found := tls_only.deny with input as t.input_of([b])
	found == set()
}

test_allow_only_policy_fails if {
	found_with([read_statement]) == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_denial("aws_s3_bucket_policy.logs")}}
}

test_inline_allow_only_policy_names_the_inline_policy if {
	b := object.union(logs, {"values": {"bucket": "acme-logs", "policy": json.marshal(t.document([read_statement]))}})
	found := tls_only.deny with input as t.input_of([b])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_denial("inline policy")}}
}

test_statements_that_are_not_tls_denials_fail if {
	count(found_with([tls_with({"Effect": "Allow"})])) == 1
	count(found_with([tls_with({"Principal": {"AWS": "arn:aws:iam::123456789012:root"}})])) == 1
	count(found_with([tls_with({"Action": ["s3:PutObject", "s3:GetObject"]})])) == 1
	count(found_with([tls_with({"Resource": "arn:aws:s3:::acme-logs/*"})])) == 1
	count(found_with([tls_with({"Resource": "arn:aws:s3:::acme-logs"})])) == 1
	count(found_with([tls_with({"Resource": ["arn:aws:s3:::acme-other", "arn:aws:s3:::acme-other/*"]})])) == 1
	count(found_with([tls_with({"Resource": ["arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-logs/private/*"]})])) == 1
	count(found_with([tls_with({"Condition": {"Bool": {"aws:SecureTransport": "true"}}})])) == 1
	count(found_with([tls_with({"Condition": {"NumericLessThan": {"s3:TlsVersion": "1.1"}}})])) == 1
	count(found_with([object.remove(t.tls_statement("acme-logs"), ["Condition"])])) == 1
}

test_equivalent_tls_denials_pass if {
	found_with([tls_with({"Principal": {"AWS": "*"}})]) == set()
	found_with([tls_with({"Principal": {"AWS": ["*"]}})]) == set()
	found_with([tls_with({"Action": "*"})]) == set()
	found_with([tls_with({"Action": ["s3:GetObject", "S3:*"]})]) == set()
	found_with([tls_with({"Resource": "*"})]) == set()
	found_with([tls_with({"Resource": "arn:aws:s3:::acme-logs*"})]) == set()
	found_with([tls_with({"Resource": ["arn:aws-us-gov:s3:::acme-logs", "arn:aws-us-gov:s3:::acme-logs/*"]})]) == set()
	found_with([tls_with({"Condition": {"Bool": {"aws:SecureTransport": false}}})]) == set()
	found_with([tls_with({"Condition": {"NumericLessThan": {"s3:TlsVersion": 1.2}}})]) == set()
	found_with([tls_with({"Condition": {"NumericLessThan": {"s3:TlsVersion": "1.2"}}})]) == set()
}

test_policy_of_another_bucket_does_not_count if {
	b := logs
	other := t.resource("aws_s3_bucket", "data", {"bucket": "acme-data"})
	p := bucket_policy("data", other, [t.tls_statement("acme-data")])
	found := tls_only.deny with input as t.input_of([b, other, p])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_policy}}
}

# Form (b): jsonencode with the bucket's computed ARN, as the loader gives it.
test_statement_with_unknown_resources_stays_silent if {
	b := logs
	doc := t.document([object.union(t.tls_statement("acme-logs"), {"Resource": [null, null]})])
	p := t.with_unknown(
		t.with_refs(t.resource("aws_s3_bucket_policy", "logs", {"policy": doc}), {"bucket": ["aws_s3_bucket.logs"], "policy": ["aws_s3_bucket.logs"]}),
		["bucket", "policy.Statement[0].Resource[0]", "policy.Statement[0].Resource[1]"],
	)
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_allow_with_unknown_resources_still_fails if {
	# Unknown parts that cannot turn the statement into a denial do not silence the rule.
	b := logs
	doc := t.document([object.union(read_statement, {"Resource": null})])
	p := t.with_unknown(t.bucket_ref(t.resource("aws_s3_bucket_policy", "logs", {"policy": doc}), b), ["bucket", "policy.Statement[0].Resource"])
	found := tls_only.deny with input as t.input_of([b, p])
	count(found) == 1
}

test_unknown_effect_stays_silent if {
	b := logs
	doc := t.document([object.remove(t.tls_statement("acme-logs"), ["Effect"])])
	p := t.with_unknown(t.bucket_ref(t.resource("aws_s3_bucket_policy", "logs", {"policy": doc}), b), ["bucket", "policy.Statement[0].Effect"])
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_policy_from_a_variable_stays_silent if {
	b := logs
	p := t.with_unknown(t.bucket_ref(t.resource("aws_s3_bucket_policy", "logs", {}), b), ["bucket", "policy"])
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_inline_policy_from_a_variable_stays_silent if {
	b := t.with_unknown(logs, ["policy"])
	found := tls_only.deny with input as t.input_of([b])
	found == set()
}

test_unknown_statement_list_stays_silent if {
	b := logs
	p := t.with_unknown(t.bucket_ref(t.resource("aws_s3_bucket_policy", "logs", {"policy": {"Version": "2012-10-17"}}), b), ["bucket", "policy.Statement"])
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_bucket_with_unknown_name_and_specific_resources_stays_silent if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	p := bucket_policy("named", b, [t.tls_statement("acme-from-a-variable")])
	found := tls_only.deny with input as t.input_of([b, p])
	found == set()
}

test_bucket_with_unknown_name_and_allow_only_policy_fails if {
	b := t.with_unknown(t.resource("aws_s3_bucket", "named", {}), ["bucket"])
	p := bucket_policy("named", b, [read_statement])
	found := tls_only.deny with input as t.input_of([b, p])
	count(found) == 1
}

test_policy_with_unresolvable_bucket_may_count if {
	b := logs
	tls := t.with_unknown(t.resource("aws_s3_bucket_policy", "any", {"policy": json.marshal(t.document([t.tls_statement("acme-logs")]))}), ["bucket"])
	found := tls_only.deny with input as t.input_of([b, tls])
	found == set()

	# An Allow-only policy does not help, whichever bucket it is for.
	allow := t.with_unknown(t.resource("aws_s3_bucket_policy", "any", {"policy": json.marshal(t.document([read_statement]))}), ["bucket"])
	found2 := tls_only.deny with input as t.input_of([b, allow])
	found2 == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_denial("aws_s3_bucket_policy.any")}}
}

# Form (c): data.aws_iam_policy_document.
tls_document := t.data_source("aws_iam_policy_document", "tls", {"statement": [{
	"effect": "Deny",
	"principals": [{"type": "AWS", "identifiers": ["*"]}],
	"actions": ["s3:*"],
	"resources": [null, null],
	"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
}]})

document_policy(bucket) := t.with_unknown(
	t.with_refs(t.resource("aws_s3_bucket_policy", "logs", {}), {"bucket": [bucket.address], "policy": ["data.aws_iam_policy_document.tls"]}),
	["bucket", "policy"],
)

test_data_document_policy_passes if {
	b := logs
	d := t.with_unknown(tls_document, ["statement[0].resources[0]", "statement[0].resources[1]"])
	p := document_policy(b)
	found := tls_only.deny with input as t.input_of([b, d, p])
	found == set()
}

test_data_document_policy_with_known_resources_passes if {
	b := logs
	d := t.data_source("aws_iam_policy_document", "tls", {"statement": [object.union(tls_document.values.statement[0], {"resources": ["arn:aws:s3:::acme-logs", "arn:aws:s3:::acme-logs/*"]})]})
	p := document_policy(b)
	found := tls_only.deny with input as t.input_of([b, d, p])
	found == set()
}

test_data_document_without_denial_fails if {
	b := logs
	d := t.data_source("aws_iam_policy_document", "tls", {"statement": [{"actions": ["s3:GetObject"], "resources": ["arn:aws:s3:::acme-logs/*"]}]})
	p := document_policy(b)
	found := tls_only.deny with input as t.input_of([b, d, p])
	found == {{"resource": "aws_s3_bucket.logs", "attribute": "", "message": no_denial("aws_s3_bucket_policy.logs")}}
}

test_data_document_with_dynamic_statements_stays_silent if {
	b := logs
	d := t.with_unknown(t.data_source("aws_iam_policy_document", "tls", {}), ["statement"])
	p := document_policy(b)
	found := tls_only.deny with input as t.input_of([b, d, p])
	found == set()
}

test_data_document_merging_the_denial_passes if {
	b := logs
	d := t.with_unknown(tls_document, ["statement[0].resources[0]", "statement[0].resources[1]"])
	main := t.with_unknown(
		t.with_refs(t.data_source("aws_iam_policy_document", "main", {"source_policy_documents": [null], "statement": [{"actions": ["s3:GetObject"], "resources": ["*"]}]}), {"source_policy_documents": ["data.aws_iam_policy_document.tls"]}),
		["source_policy_documents[0]"],
	)
	p := t.with_unknown(
		t.with_refs(t.resource("aws_s3_bucket_policy", "logs", {}), {"bucket": ["aws_s3_bucket.logs"], "policy": ["data.aws_iam_policy_document.main"]}),
		["bucket", "policy"],
	)
	found := tls_only.deny with input as t.input_of([b, d, main, p])
	found == set()
}

test_bucket_data_sources_are_not_judged if {
	existing := t.data_source("aws_s3_bucket", "existing", {"bucket": "acme-existing"})
	found := tls_only.deny with input as t.input_of([existing])
	found == set()
}

# The loader renders the data source's JSON into the policy when it can.
test_policy_rendered_from_a_data_source if {
	b := logs
	d := tls_document
	rendered := t.document([{
		"Effect": "Deny",
		"Principal": {"AWS": "*"},
		"Action": "s3:*",
		"Resource": [null, null],
		"Condition": {"Bool": {"aws:SecureTransport": "false"}},
	}])
	p := t.with_unknown(
		t.with_refs(t.resource("aws_s3_bucket_policy", "logs", {"policy": rendered}), {"bucket": ["aws_s3_bucket.logs"], "policy": ["data.aws_iam_policy_document.tls"]}),
		["bucket", "policy.Statement[0].Resource[0]", "policy.Statement[0].Resource[1]"],
	)
	found := tls_only.deny with input as t.input_of([b, d, p])
	found == set()

	# What counts is the rendered policy, here one that only grants reads.
	read_only := json.marshal(t.document([read_statement]))
	p2 := t.with_refs(t.bucket_ref(t.resource("aws_s3_bucket_policy", "logs", {"policy": read_only}), b), {"bucket": ["aws_s3_bucket.logs"], "policy": ["data.aws_iam_policy_document.tls"]})
	found2 := tls_only.deny with input as t.input_of([b, d, p2])
	count(found2) == 1
}
