package soc2gate.github.repo.no_admin_collaborators_test

import data.soc2gate.github.repo.no_admin_collaborators
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_admin_collaborators.deny with input as t.input_of(resources)
}

test_admin_collaborator_fails_at_the_permission if {
	c := t.resource("github_repository_collaborator", "ana", {"repository": "api", "username": "ana", "permission": "admin"})
	found_for([c]) == {{
		"resource": "github_repository_collaborator.ana",
		"attribute": "permission",
		"message": `github_repository_collaborator.ana makes user "ana" an admin of repository "api" directly; grant admin through a team and give the person push at most`,
	}}
}

test_admin_user_block_fails_and_teams_pass if {
	c := t.resource("github_repository_collaborators", "api", {"repository": "api", "team": [{"team_id": "admins", "permission": "admin"}], "user": [
		{"username": "bo", "permission": "push"},
		{"username": "ana", "permission": "admin"},
	]})
	[v] := [x | some x in found_for([c])]
	v.attribute == "user[1].permission"
	contains(v.message, `makes user "ana" an admin`)
}

test_default_and_lower_permissions_pass if {
	found_for([t.resource("github_repository_collaborator", "a", {"username": "a"})]) == set()
	found_for([t.resource("github_repository_collaborator", "b", {"username": "b", "permission": "maintain"})]) == set()
}

test_unknown_permission_stays_silent if {
	c := t.with_unknown(t.resource("github_repository_collaborator", "a", {"username": "a"}), ["permission"])
	found_for([c]) == set()
}
