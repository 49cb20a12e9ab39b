package soc2gate.lib.gcp.iam_test

import data.soc2gate.lib.gcp.iam
import data.soc2gate.lib.inputs_test as t

grants_of(scope, resources) := found if {
	found := iam.grants(scope) with input as t.input_of(resources)
}

test_member_binding_and_inline_policy if {
	m := t.resource("google_project_iam_member", "m", {"role": "roles/owner", "member": "user:a@example.com"})
	b := t.resource("google_project_iam_binding", "b", {"role": "roles/editor", "members": ["group:x@example.com", null, "user:b@example.com"]})
	p := t.resource("google_project_iam_policy", "p", {"policy_data": json.marshal({"bindings": [{"role": "roles/viewer", "members": ["user:c@example.com"]}]})})
	found := grants_of("project", [m, b, p])
	{[e.resource.address, e.role, e.member, e.role_attribute, e.member_attribute] | some e in found} == {
		["google_project_iam_member.m", "roles/owner", "user:a@example.com", "role", "member"],
		["google_project_iam_binding.b", "roles/editor", "group:x@example.com", "role", "members[0]"],
		["google_project_iam_binding.b", "roles/editor", "user:b@example.com", "role", "members[2]"],
		["google_project_iam_policy.p", "roles/viewer", "user:c@example.com", "policy_data", "policy_data"],
	}
}

test_referenced_policy_blames_the_data_source if {
	d := t.data_source("google_iam_policy", "admins", {"binding": [{"role": "roles/owner", "members": ["user:a@example.com"]}]})
	p := t.with_refs(t.with_unknown(t.resource("google_folder_iam_policy", "p", {}), ["policy_data"]), {"policy_data": ["data.google_iam_policy.admins"]})
	[e] := grants_of("folder", [d, p])
	e.resource.address == "data.google_iam_policy.admins"
	e.member_attribute == "binding[0].members[0]"
	e.role_attribute == "binding[0].role"
	iam.describe(e) == "data.google_iam_policy.admins (used as policy_data)"
}

test_unreferenced_data_sources_and_other_scopes_are_not_read if {
	d := t.data_source("google_iam_policy", "unused", {"binding": [{"role": "roles/owner", "members": ["user:a@example.com"]}]})
	m := t.resource("google_project_iam_member", "m", {"role": "roles/owner", "member": "user:a@example.com"})
	grants_of("folder", [d, m]) == []
}

test_unknown_roles_and_members_yield_nothing if {
	m := t.with_unknown(t.resource("google_project_iam_member", "m", {"role": "roles/owner"}), ["member"])
	b := t.with_unknown(t.resource("google_project_iam_binding", "b", {"members": ["user:a@example.com"]}), ["role"])
	p := t.with_unknown(t.resource("google_project_iam_policy", "p", {}), ["policy_data"])
	grants_of("project", [m, b, p]) == []
}
