package soc2gate.gcp.storage.no_public_access_test

import data.soc2gate.gcp.storage.no_public_access
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_access.deny with input as t.input_of(resources)
}

test_member_all_users_fails_at_the_member if {
	r := t.resource("google_storage_bucket_iam_member", "public", {"bucket": "acme-site", "role": "roles/storage.objectViewer", "member": "allUsers"})
	found_for([r]) == {{
		"resource": "google_storage_bucket_iam_member.public",
		"attribute": "member",
		"message": "google_storage_bucket_iam_member.public grants roles/storage.objectViewer on the bucket to allUsers, which makes it public; grant the role to specific users, groups or service accounts",
	}}
}

test_binding_with_all_authenticated_users_fails_at_that_member if {
	r := t.resource("google_storage_bucket_iam_binding", "b", {"role": "roles/storage.admin", "members": ["group:ops@example.com", "allAuthenticatedUsers"]})
	[v] := [x | some x in found_for([r])]
	v.attribute == "members[1]"
}

test_policy_json_and_data_source if {
	p := t.resource("google_storage_bucket_iam_policy", "p", {"policy_data": json.marshal({"bindings": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]})})
	d := t.data_source("google_iam_policy", "public", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]})
	q := t.with_refs(t.resource("google_storage_bucket_iam_policy", "q", {}), {"policy_data": ["data.google_iam_policy.public"]})
	{[v.resource, v.attribute] | some v in found_for([p, d, q])} == {
		["google_storage_bucket_iam_policy.p", "policy_data"],
		["data.google_iam_policy.public", "binding[0].members[0]"],
	}
}

test_specific_members_pass if {
	r := t.resource("google_storage_bucket_iam_member", "r", {"role": "roles/storage.objectViewer", "member": "serviceAccount:app@acme.iam.gserviceaccount.com"})
	found_for([r]) == set()
}

test_project_grants_are_not_bucket_grants if {
	r := t.resource("google_project_iam_member", "r", {"role": "roles/storage.objectViewer", "member": "allUsers"})
	found_for([r]) == set()
}

test_unknown_member_stays_silent if {
	r := t.with_unknown(t.resource("google_storage_bucket_iam_member", "r", {"role": "roles/storage.objectViewer"}), ["member"])
	b := t.with_unknown(t.resource("google_storage_bucket_iam_binding", "b", {"role": "roles/storage.objectViewer", "members": [null]}), ["members[0]"])
	found_for([r, b]) == set()
}
