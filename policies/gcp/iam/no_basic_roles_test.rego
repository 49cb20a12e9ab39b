package soc2gate.gcp.iam.no_basic_roles_test

import data.soc2gate.gcp.iam.no_basic_roles
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_basic_roles.deny with input as t.input_of(resources)
}

test_project_owner_member_fails_at_the_role if {
	r := t.resource("google_project_iam_member", "owner", {"project": "acme", "role": "roles/owner", "member": "user:ana@example.com"})
	found_for([r]) == {{
		"resource": "google_project_iam_member.owner",
		"attribute": "role",
		"message": "google_project_iam_member.owner grants the basic role roles/owner on the project to user:ana@example.com; grant a predefined or custom role with only the permissions needed",
	}}
}

test_binding_is_reported_once_with_every_member if {
	r := t.resource("google_folder_iam_binding", "editors", {"role": "roles/editor", "members": ["user:b@example.com", "group:a@example.com"]})
	[v] := [x | some x in found_for([r])]
	v.attribute == "role"
	contains(v.message, "on the folder to group:a@example.com, user:b@example.com;")
}

test_organization_policy_from_data_source if {
	d := t.data_source("google_iam_policy", "org", {"binding": [
		{"role": "roles/viewer", "members": ["group:all@example.com"]},
		{"role": "roles/owner", "members": ["group:admins@example.com"]},
	]})
	p := t.with_refs(t.resource("google_organization_iam_policy", "org", {}), {"policy_data": ["data.google_iam_policy.org"]})
	[v] := [x | some x in found_for([d, p])]
	v.resource == "data.google_iam_policy.org"
	v.attribute == "binding[1].role"
}

test_predefined_roles_and_bucket_grants_pass if {
	r := t.resource("google_project_iam_member", "viewer", {"role": "roles/viewer", "member": "user:a@example.com"})
	b := t.resource("google_storage_bucket_iam_member", "b", {"role": "roles/owner", "member": "user:a@example.com"})
	found_for([r, b]) == set()
}

test_unknown_role_stays_silent if {
	r := t.with_unknown(t.resource("google_project_iam_member", "x", {"member": "user:a@example.com"}), ["role"])
	found_for([r]) == set()
}
