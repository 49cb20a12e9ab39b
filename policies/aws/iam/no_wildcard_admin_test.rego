package soc2gate.aws.iam.no_wildcard_admin_test

import data.soc2gate.aws.iam.no_wildcard_admin
import data.soc2gate.lib.aws.inputs_test as t

admin_message := `statement 0 allows every action ("*") on every resource ("*"): administrator access`

found_for(resources) := found if {
	found := no_wildcard_admin.deny with input as t.input_of(resources)
}

# Form (a): a known JSON string (jsonencode of known values, or a heredoc).
test_json_string_admin_fails_at_the_action if {
	p := t.resource("aws_iam_policy", "admin", {"policy": `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`})
	found_for([p]) == {{"resource": "aws_iam_policy.admin", "attribute": "policy.Statement[0].Action", "message": admin_message}}
}

test_admin_in_a_list_and_named_by_sid if {
	p := t.resource("aws_iam_role_policy", "ops", {"policy": json.marshal(t.document([
		{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"},
		{"Sid": "Everything", "Effect": "Allow", "Action": ["ec2:Describe*", "*"], "Resource": ["arn:aws:s3:::x", "*"]},
	]))})
	found_for([p]) == {{
		"resource": "aws_iam_role_policy.ops",
		"attribute": "policy.Statement[1].Action",
		"message": `statement "Everything" allows every action ("*") on every resource ("*"): administrator access`,
	}}
}

# Form (b): a decoded object with unknown parts elsewhere.
test_partly_known_admin_fails if {
	doc := t.document([{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {}}}])
	p := t.with_unknown(t.resource("aws_iam_user_policy", "u", {"policy": doc}), [`policy.Statement[0].Condition.StringEquals["aws:RequestedRegion"]`])
	found_for([p]) == {{"resource": "aws_iam_user_policy.u", "attribute": "policy.Statement[0].Action", "message": admin_message}}
}

# Form (c): the data source, reported once at its own statement.
test_data_document_admin_fails_at_the_data_source if {
	d := t.data_source("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"]}]})
	p := t.with_unknown(t.with_refs(t.resource("aws_iam_policy", "admin", {}), {"policy": ["data.aws_iam_policy_document.admin"]}), ["policy"])
	found_for([d, p]) == {{"resource": "data.aws_iam_policy_document.admin", "attribute": "statement[0].actions", "message": admin_message}}
}

test_role_inline_policy if {
	r := t.resource("aws_iam_role", "ops", {"inline_policy": [{"name": "all", "policy": json.marshal(t.document([{"Effect": "Allow", "Action": "*", "Resource": "*"}]))}]})
	found_for([r]) == {{"resource": "aws_iam_role.ops", "attribute": "inline_policy[0].policy.Statement[0].Action", "message": admin_message}}
}

test_scoped_statements_pass if {
	p := t.resource("aws_iam_policy", "p", {"policy": json.marshal(t.document([
		{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::acme-data/*"},
		{"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
		{"Effect": "Deny", "Action": "*", "Resource": "*"},
	]))})
	found_for([p]) == set()
}

test_unknown_resource_stays_silent if {
	doc := t.document([{"Effect": "Allow", "Action": "*", "Resource": null}])
	p := t.with_unknown(t.resource("aws_iam_policy", "p", {"policy": doc}), ["policy.Statement[0].Resource"])
	found_for([p]) == set()
}

test_unknown_effect_stays_silent if {
	d := t.with_unknown(t.data_source("aws_iam_policy_document", "d", {"statement": [{"actions": ["*"], "resources": ["*"]}]}), ["statement[0].effect"])
	found_for([d]) == set()
}

test_unknown_document_stays_silent if {
	p := t.with_unknown(t.resource("aws_iam_policy", "p", {}), ["policy"])
	found_for([p]) == set()
}

test_policy_rendered_from_a_data_source_is_reported_once if {
	d := t.data_source("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"]}]})
	rendered := json.marshal(t.document([{"Effect": "Allow", "Action": "*", "Resource": "*"}]))
	p := t.with_refs(t.resource("aws_iam_policy", "admin", {"policy": rendered}), {"policy": ["data.aws_iam_policy_document.admin"]})
	found_for([d, p]) == {{"resource": "data.aws_iam_policy_document.admin", "attribute": "statement[0].actions", "message": admin_message}}
}
