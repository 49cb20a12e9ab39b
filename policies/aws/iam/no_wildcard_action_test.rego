package soc2gate.aws.iam.no_wildcard_action_test

import data.soc2gate.aws.iam.no_wildcard_action
import data.soc2gate.lib.aws.inputs_test as t

found_for(resources) := found if {
	found := no_wildcard_action.deny with input as t.input_of(resources)
}

policy_of(statements) := t.resource("aws_iam_policy", "p", {"policy": json.marshal(t.document(statements))})

test_service_wildcard_fails_at_the_action if {
	found_for([policy_of([{"Effect": "Allow", "Action": ["s3:*"], "Resource": "arn:aws:s3:::acme-data/*"}])]) == {{
		"resource": "aws_iam_policy.p",
		"attribute": "policy.Statement[0].Action",
		"message": `statement 0 allows "s3:*": every action of the service`,
	}}
}

test_several_wildcards_make_one_finding if {
	found_for([policy_of([{"Sid": "Ops", "Effect": "Allow", "Action": ["s3:*", "ec2:Describe*", "SQS:*"], "Resource": "*"}])]) == {{
		"resource": "aws_iam_policy.p",
		"attribute": "policy.Statement[0].Action",
		"message": `statement "Ops" allows "s3:*", "SQS:*": every action of these services`,
	}}
}

test_every_action_on_some_resources_fails if {
	found_for([policy_of([{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::acme-data/*"}])]) == {{
		"resource": "aws_iam_policy.p",
		"attribute": "policy.Statement[0].Action",
		"message": `statement 0 allows "*": every action of every service`,
	}}
}

test_admin_statement_is_left_to_the_admin_rule if {
	found_for([policy_of([{"Effect": "Allow", "Action": "*", "Resource": "*"}])]) == set()
}

test_not_action_with_allow_fails_at_not_action if {
	found_for([policy_of([{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}])]) == {{
		"resource": "aws_iam_policy.p",
		"attribute": "policy.Statement[0].NotAction",
		"message": "statement 0 allows with NotAction, which grants every action except those listed, including actions AWS adds later",
	}}
}

test_not_action_with_deny_passes if {
	found_for([policy_of([{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}])]) == set()
}

test_specific_and_partial_actions_pass if {
	found_for([policy_of([
		{"Effect": "Allow", "Action": ["s3:GetObject", "s3:List*"], "Resource": "*"},
		{"Effect": "Deny", "Action": "s3:*", "Resource": "*"},
	])]) == set()
}

# Form (b): jsonencode with unknown parts; the known wildcard is enough.
test_partly_known_document_with_a_known_wildcard_fails if {
	doc := t.document([{"Effect": "Allow", "Action": ["dynamodb:*", null], "Resource": null}])
	p := t.with_unknown(t.resource("aws_iam_role_policy", "worker", {"policy": doc}), ["policy.Statement[0].Action[1]", "policy.Statement[0].Resource"])
	found_for([p]) == {{
		"resource": "aws_iam_role_policy.worker",
		"attribute": "policy.Statement[0].Action",
		"message": `statement 0 allows "dynamodb:*": every action of the service`,
	}}
}

test_unknown_action_stays_silent if {
	doc := t.document([{"Effect": "Allow", "Action": ["s3:GetObject", null], "Resource": "*"}])
	p := t.with_unknown(t.resource("aws_iam_role_policy", "worker", {"policy": doc}), ["policy.Statement[0].Action[1]"])
	found_for([p]) == set()
}

test_unknown_not_action_is_still_not_action if {
	# `NotAction = var.excluded`: the statement uses NotAction whatever the value.
	doc := t.document([{"Effect": "Allow", "Resource": "*"}])
	p := t.with_unknown(t.resource("aws_iam_policy", "p", {"policy": doc}), ["policy.Statement[0].NotAction"])
	count(found_for([p])) == 1
}

# Form (c): reported once, at the data source.
test_data_document_through_a_policy_is_reported_once if {
	d := t.data_source("aws_iam_policy_document", "ops", {"statement": [{"actions": ["ec2:*"], "resources": ["*"]}]})
	p := t.with_unknown(t.with_refs(t.resource("aws_iam_policy", "ops", {}), {"policy": ["data.aws_iam_policy_document.ops"]}), ["policy"])
	r := t.with_unknown(t.with_refs(t.resource("aws_iam_role_policy", "ops", {}), {"policy": ["data.aws_iam_policy_document.ops"]}), ["policy"])
	found_for([d, p, r]) == {{
		"resource": "data.aws_iam_policy_document.ops",
		"attribute": "statement[0].actions",
		"message": `statement 0 allows "ec2:*": every action of the service`,
	}}
}

test_data_document_not_actions if {
	d := t.data_source("aws_iam_policy_document", "ops", {"statement": [{"not_actions": ["iam:*"], "resources": ["*"]}]})
	found_for([d]) == {{
		"resource": "data.aws_iam_policy_document.ops",
		"attribute": "statement[0].not_actions",
		"message": "statement 0 allows with NotAction, which grants every action except those listed, including actions AWS adds later",
	}}
}

test_trust_and_key_policies_are_not_judged if {
	trust := t.data_source("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:*"], "principals": [{"type": "Service", "identifiers": ["ec2.amazonaws.com"]}]}]})
	role := t.with_unknown(t.with_refs(t.resource("aws_iam_role", "r", {}), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), ["assume_role_policy"])
	key_doc := t.data_source("aws_iam_policy_document", "key", {"statement": [{"actions": ["kms:*"], "resources": ["*"]}]})
	key := t.with_unknown(t.with_refs(t.resource("aws_kms_key", "k", {}), {"policy": ["data.aws_iam_policy_document.key"]}), ["policy"])
	found_for([trust, role, key_doc, key]) == set()
}

test_bucket_policies_are_judged if {
	p := t.bucket_ref(t.resource("aws_s3_bucket_policy", "data", {"policy": json.marshal(t.document([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/app"}, "Action": "s3:*", "Resource": "arn:aws:s3:::acme-data/*"}]))}), {"address": "aws_s3_bucket.data"})
	count(found_for([p])) == 1
}

test_unset_data_effect_allows if {
	d := t.data_source("aws_iam_policy_document", "ops", {"statement": [{"effect": "Deny", "actions": ["s3:*"]}, {"actions": ["sqs:*"]}]})
	found := found_for([d])
	{v.attribute | some v in found} == {"statement[1].actions"}
}

test_policy_rendered_from_a_data_source_is_reported_once if {
	# The loader renders the data source's JSON into the policy when it can.
	d := t.data_source("aws_iam_policy_document", "ops", {"statement": [{"actions": ["ec2:*"], "resources": ["*"]}]})
	rendered := json.marshal(t.document([{"Effect": "Allow", "Action": "ec2:*", "Resource": "*"}]))
	p := t.with_refs(t.resource("aws_iam_policy", "ops", {"policy": rendered}), {"policy": ["data.aws_iam_policy_document.ops"]})
	found_for([d, p]) == {{
		"resource": "data.aws_iam_policy_document.ops",
		"attribute": "statement[0].actions",
		"message": `statement 0 allows "ec2:*": every action of the service`,
	}}
}
