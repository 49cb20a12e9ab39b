package soc2gate.aws.iam.no_user_access_keys_test

import data.soc2gate.aws.iam.no_user_access_keys
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_user_access_keys.deny with input as t.input_of(resources)
}

test_access_key_fails_at_the_user if {
	found_for([t.resource("aws_iam_access_key", "ci", {"user": "ci"})]) == {{
		"resource": "aws_iam_access_key.ci",
		"attribute": "user",
		"message": `aws_iam_access_key.ci creates a long-lived access key for IAM user "ci"; use IAM roles for workloads and IAM Identity Center for people`,
	}}
}

test_active_key_by_reference_fails if {
	k := t.with_refs(t.with_unknown(t.resource("aws_iam_access_key", "k", {"status": "Active"}), ["user"]), {"user": ["aws_iam_user.ci"]})
	[v] := [x | some x in found_for([k])]
	contains(v.message, "for IAM user aws_iam_user.ci;")
}

test_inactive_key_passes if {
	found_for([t.resource("aws_iam_access_key", "k", {"user": "ci", "status": "Inactive"})]) == set()
}

test_unknown_status_stays_silent if {
	found_for([t.with_unknown(t.resource("aws_iam_access_key", "k", {"user": "ci"}), ["status"])]) == set()
}
