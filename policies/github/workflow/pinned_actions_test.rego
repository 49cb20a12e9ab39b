package soc2gate.github.workflow.pinned_actions_test

import data.soc2gate.github.workflow.pinned_actions
import data.soc2gate.lib.inputs_test as t

sha := "74a5d142397b4f367a81961eba4e8cd7edddf772"

found_for(steps) := found if {
	w := t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {"on": {"push": {}}, "jobs": {"b": {"steps": steps}}})
	found := pinned_actions.deny with input as t.input_of([w])
}

test_tag_of_another_owner_fails_at_the_uses if {
	found_for([{"uses": "actions/checkout@v4"}, {"uses": "docker/login-action@v3"}]) == {{
		"resource": "github_actions_workflow.ci",
		"attribute": "jobs.b.steps[1].uses",
		"message": "a step of workflow .github/workflows/ci.yml uses docker/login-action@v3, a reference (v3) that can be moved to other code; pin it to a full commit SHA (keep the tag in a comment)",
	}}
}

test_reusable_workflow_by_branch_fails if {
	w := t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {"on": {"push": {}}, "jobs": {"deploy": {"uses": "acme/workflows/.github/workflows/deploy.yml@main"}}})
	found := pinned_actions.deny with input as t.input_of([w])
	[v] := [x | some x in found]
	v.attribute == "jobs.deploy.uses"
	startswith(v.message, "job deploy of workflow .github/workflows/ci.yml uses acme/workflows")
}

test_docker_by_tag_fails_by_digest_passes if {
	count(found_for([{"uses": "docker://alpine:3.20"}])) == 1
	found_for([{"uses": "docker://alpine@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d"}]) == set()
}

test_pinned_trusted_and_local_pass if {
	found_for([
		{"uses": concat("@", ["docker/login-action", sha])},
		{"uses": "actions/setup-node@v4"},
		{"uses": "github/codeql-action/init@v3"},
		{"uses": "./.github/actions/setup"},
		{"run": "make"},
	]) == set()
}

test_short_sha_is_not_a_pin if {
	count(found_for([{"uses": "docker/login-action@74a5d14"}])) == 1
}

test_trusted_owners_parameter if {
	w := t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {"on": {"push": {}}, "jobs": {"b": {"steps": [{"uses": "Acme/build@v1"}, {"uses": "actions/checkout@v4"}]}}})
	found := pinned_actions.deny with input as t.input_of([w])
		with data.params as {"github-workflow-pinned-actions": {"trusted_owners": ["acme"]}}
	[v] := [x | some x in found]
	v.attribute == "jobs.b.steps[1].uses"
	msgs := pinned_actions.invalid_params with data.params as {"github-workflow-pinned-actions": {"trusted_owners": "acme"}}
	count(msgs) == 1
}

test_unknown_uses_stays_silent if {
	w := t.with_unknown(t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {"on": {"push": {}}, "jobs": {"b": {"steps": [{}]}}}), ["jobs.b.steps[0].uses"])
	found := pinned_actions.deny with input as t.input_of([w])
	found == set()
}
