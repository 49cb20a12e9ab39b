package soc2gate.aws.iam.password_policy_test

import data.soc2gate.aws.iam.password_policy
import data.soc2gate.lib.aws.inputs_test as t

policy(values) := t.resource("aws_iam_account_password_policy", "strict", values)

found_for(r) := found if {
	found := password_policy.deny with input as t.input_of([r])
}

found_with(r, params) := found if {
	found := password_policy.deny with input as t.input_of([r]) with data.params as {"aws-iam-password-policy": params}
}

invalid_with(params) := messages if {
	messages := password_policy.invalid_params with data.params as {"aws-iam-password-policy": params}
}

test_compliant_policy_passes if {
	found_for(policy({"minimum_password_length": 14, "password_reuse_prevention": 24})) == set()
	found_for(policy({"minimum_password_length": 32, "password_reuse_prevention": 24, "require_symbols": true})) == set()
}

test_short_length_fails_at_the_attribute if {
	found_for(policy({"minimum_password_length": 8, "password_reuse_prevention": 24})) == {{
		"resource": "aws_iam_account_password_policy.strict",
		"attribute": "minimum_password_length",
		"message": "the account password policy requires passwords of only 8 characters; set minimum_password_length to at least 14",
	}}
}

test_low_reuse_prevention_fails_at_the_attribute if {
	found_for(policy({"minimum_password_length": 14, "password_reuse_prevention": 5})) == {{
		"resource": "aws_iam_account_password_policy.strict",
		"attribute": "password_reuse_prevention",
		"message": "the account password policy prevents the reuse of only the last 5 passwords; set password_reuse_prevention to at least 24",
	}}
}

test_both_wrong_gives_two_findings if {
	found := found_for(policy({"minimum_password_length": 6, "password_reuse_prevention": 1}))
	{v.attribute | some v in found} == {"minimum_password_length", "password_reuse_prevention"}
}

test_unset_attributes_fail_once_at_the_header if {
	found_for(policy({})) == {{
		"resource": "aws_iam_account_password_policy.strict",
		"attribute": "",
		"message": "the account password policy sets no minimum_password_length (IAM's default is 6 characters) and no password_reuse_prevention (users may reuse any earlier password); set minimum_password_length to at least 14 and password_reuse_prevention to at least 24",
	}}
}

test_unset_length_fails_at_the_header if {
	found_for(policy({"password_reuse_prevention": 24})) == {{
		"resource": "aws_iam_account_password_policy.strict",
		"attribute": "",
		"message": "the account password policy sets no minimum_password_length (IAM's default is 6 characters); set minimum_password_length to at least 14",
	}}
}

test_unset_reuse_prevention_and_short_length if {
	found := found_for(policy({"minimum_password_length": 12}))
	{[v.attribute, v.message] | some v in found} == {
		["minimum_password_length", "the account password policy requires passwords of only 12 characters; set minimum_password_length to at least 14"],
		["", "the account password policy sets no password_reuse_prevention (users may reuse any earlier password); set password_reuse_prevention to at least 24"],
	}
}

test_string_values_are_read_as_numbers if {
	found_for(policy({"minimum_password_length": "14", "password_reuse_prevention": "24"})) == set()
	count(found_for(policy({"minimum_password_length": "10", "password_reuse_prevention": "24"}))) == 1
}

test_unknown_values_stay_silent if {
	r := t.with_unknown(policy({}), ["minimum_password_length", "password_reuse_prevention"])
	found_for(r) == set()
	length_only := t.with_unknown(policy({"password_reuse_prevention": 24}), ["minimum_password_length"])
	found_for(length_only) == set()
}

test_parameters_change_the_thresholds if {
	r := policy({"minimum_password_length": 12, "password_reuse_prevention": 10})
	found_with(r, {"min_length": 12, "min_reuse_prevention": 10}) == set()
	found := found_with(r, {"min_length": 16, "min_reuse_prevention": 24})
	{v.message | some v in found} == {
		"the account password policy requires passwords of only 12 characters; set minimum_password_length to at least 16",
		"the account password policy prevents the reuse of only the last 10 passwords; set password_reuse_prevention to at least 24",
	}
}

test_default_parameters_are_valid if {
	messages := password_policy.invalid_params
	messages == set()
	invalid_with({"min_length": 14, "min_reuse_prevention": 24}) == set()
	invalid_with({"min_length": 6, "min_reuse_prevention": 1}) == set()
	invalid_with({"min_length": 128}) == set()
}

test_invalid_parameters_are_explained if {
	invalid_with({"min_length": 5, "min_reuse_prevention": 25}) == {
		"min_length must be a whole number from 6 to 128 (the lengths IAM accepts), got 5",
		"min_reuse_prevention must be a whole number from 1 to 24 (the number of earlier passwords IAM can remember), got 25",
	}
	count(invalid_with({"min_length": 14.5})) == 1
	count(invalid_with({"min_length": "14"})) == 1
	count(invalid_with({"min_reuse_prevention": 0})) == 1
	count(invalid_with({"min_reuse_prevention": true})) == 1
}

test_data_sources_are_not_judged if {
	d := t.data_source("aws_iam_account_password_policy", "current", {})
	found_for(d) == set()
}
