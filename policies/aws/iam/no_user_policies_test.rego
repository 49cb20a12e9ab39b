package soc2gate.aws.iam.no_user_policies_test

import data.soc2gate.aws.iam.no_user_policies
import data.soc2gate.lib.aws.inputs_test as t

found_for(resources) := found if {
	found := no_user_policies.deny with input as t.input_of(resources)
}

instead := "grant permissions through an IAM group or a role instead"

user_ref(r, key) := t.with_unknown(t.with_refs(r, {key: ["aws_iam_user.alice"]}), [key])

test_inline_user_policy_fails_at_the_header if {
	p := t.resource("aws_iam_user_policy", "deploy", {"name": "deploy", "user": "alice", "policy": "{}"})
	found_for([p]) == {{
		"resource": "aws_iam_user_policy.deploy",
		"attribute": "",
		"message": concat("", [`inline policy "deploy" is attached directly to IAM user "alice"; `, instead]),
	}}
}

test_inline_user_policy_of_a_referenced_user if {
	p := user_ref(t.resource("aws_iam_user_policy", "deploy", {"name_prefix": "deploy-"}), "user")
	[v] := [x | some x in found_for([p])]
	v.message == concat("", ["inline policy aws_iam_user_policy.deploy is attached directly to IAM user aws_iam_user.alice; ", instead])
}

test_inline_user_policy_with_unknown_user_still_fails if {
	p := t.with_unknown(t.resource("aws_iam_user_policy", "deploy", {"name": "deploy"}), ["user"])
	[v] := [x | some x in found_for([p])]
	v.message == concat("", [`inline policy "deploy" is attached directly to an IAM user; `, instead])
}

test_user_policy_attachment_fails_at_the_header if {
	a := t.resource("aws_iam_user_policy_attachment", "alice_read_only", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	found_for([a]) == {{
		"resource": "aws_iam_user_policy_attachment.alice_read_only",
		"attribute": "",
		"message": concat("", [`policy arn:aws:iam::aws:policy/ReadOnlyAccess is attached directly to IAM user "alice"; `, instead]),
	}}
}

test_user_policy_attachment_of_a_referenced_policy if {
	a := t.with_unknown(t.with_refs(t.resource("aws_iam_user_policy_attachment", "a", {}), {"user": ["aws_iam_user.alice"], "policy_arn": ["aws_iam_policy.deploy"]}), ["user", "policy_arn"])
	[v] := [x | some x in found_for([a])]
	v.message == concat("", ["policy aws_iam_policy.deploy is attached directly to IAM user aws_iam_user.alice; ", instead])
}

test_policy_attachment_with_users_fails_at_users if {
	a := t.resource("aws_iam_policy_attachment", "read_only", {
		"name": "read-only",
		"users": ["alice"],
		"groups": ["developers"],
		"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess",
	})
	found_for([a]) == {{
		"resource": "aws_iam_policy_attachment.read_only",
		"attribute": "users",
		"message": concat("", [`policy attachment "read-only" attaches policy arn:aws:iam::aws:policy/ReadOnlyAccess directly to IAM users; remove the users and `, instead]),
	}}
}

test_policy_attachment_with_computed_user_names_fails if {
	a := t.with_unknown(t.resource("aws_iam_policy_attachment", "a", {"name": "a", "users": [null], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}), ["users[0]"])
	count(found_for([a])) == 1
}

test_policy_attachment_without_users_passes if {
	groups := t.resource("aws_iam_policy_attachment", "groups", {"name": "g", "groups": ["developers"], "roles": ["ci"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	empty := t.resource("aws_iam_policy_attachment", "empty", {"name": "e", "users": [], "roles": ["ci"], "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	found_for([groups, empty]) == set()
}

test_policy_attachment_with_unknown_users_stays_silent if {
	a := t.with_unknown(t.resource("aws_iam_policy_attachment", "a", {"name": "a", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}), ["users"])
	found_for([a]) == set()
}

test_exclusive_attachments_fail_at_policy_arns_unless_empty if {
	some_arns := t.resource("aws_iam_user_policy_attachments_exclusive", "alice", {"user_name": "alice", "policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]})
	none := t.resource("aws_iam_user_policy_attachments_exclusive", "bob", {"user_name": "bob", "policy_arns": []})
	unknown := t.with_unknown(t.resource("aws_iam_user_policy_attachments_exclusive", "carol", {"user_name": "carol"}), ["policy_arns"])
	found := found_for([some_arns, none, unknown])
	found == {{
		"resource": "aws_iam_user_policy_attachments_exclusive.alice",
		"attribute": "policy_arns",
		"message": concat("", [`policy_arns attaches managed policies directly to IAM user "alice"; `, instead]),
	}}
}

test_group_and_role_attachments_pass if {
	g := t.resource("aws_iam_group_policy_attachment", "g", {"group": "developers", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	r := t.resource("aws_iam_role_policy_attachment", "r", {"role": "ci", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	found_for([g, r]) == set()
}

test_data_sources_are_not_judged if {
	d := t.data_source("aws_iam_policy_attachment", "x", {"users": ["alice"]})
	found_for([d]) == set()
}
