package soc2gate.aws.iam.no_console_users_test

import data.soc2gate.aws.iam.no_console_users
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_console_users.deny with input as t.input_of(resources)
}

test_login_profile_fails_at_the_user if {
	found_for([t.resource("aws_iam_user_login_profile", "ana", {"user": "ana"})]) == {{
		"resource": "aws_iam_user_login_profile.ana",
		"attribute": "user",
		"message": `aws_iam_user_login_profile.ana gives IAM user "ana" a console password; let people sign in through IAM Identity Center (SSO), where access is granted and revoked centrally`,
	}}
}

test_user_by_reference_is_named if {
	p := t.with_refs(t.with_unknown(t.resource("aws_iam_user_login_profile", "p", {}), ["user"]), {"user": ["aws_iam_user.ana"]})
	[v] := [x | some x in found_for([p])]
	contains(v.message, "gives IAM user aws_iam_user.ana a console password")
}

test_users_without_login_profiles_pass if {
	found_for([t.resource("aws_iam_user", "ci", {"name": "ci"})]) == set()
}

test_data_sources_are_not_judged if {
	found_for([t.data_source("aws_iam_user_login_profile", "p", {"user": "ana"})]) == set()
}
