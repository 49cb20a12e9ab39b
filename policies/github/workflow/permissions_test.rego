package soc2gate.github.workflow.permissions_test

import data.soc2gate.github.workflow.permissions
import data.soc2gate.lib.inputs_test as t

found_for(values) := found if {
	w := t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", values)
	found := permissions.deny with input as t.input_of([w])
}

job := {"runs-on": "ubuntu-latest", "steps": [{"run": "make"}]}

test_no_permissions_fails_at_the_header if {
	found_for({"on": {"push": {}}, "jobs": {"build": job, "lint": object.union(job, {"permissions": {"contents": "read"}})}}) == {{
		"resource": "github_actions_workflow.ci",
		"attribute": "",
		"message": "workflow .github/workflows/ci.yml sets no top-level permissions and job build sets none either, so its token gets the repository's default permissions (often write access to everything); add `permissions: contents: read` and grant more per job",
	}}
}

test_write_all_fails_at_the_top_and_on_jobs if {
	{v.attribute | some v in found_for({"on": {"push": {}}, "permissions": "write-all", "jobs": {"b": object.union(job, {"permissions": "write-all"})}})} == {"permissions", "jobs.b.permissions"}
}

test_top_level_or_every_job_passes if {
	found_for({"on": {"push": {}}, "permissions": {"contents": "read"}, "jobs": {"b": job}}) == set()
	found_for({"on": {"push": {}}, "permissions": "read-all", "jobs": {"b": job}}) == set()
	found_for({"on": {"push": {}}, "permissions": {}, "jobs": {"b": job}}) == set()
	found_for({"on": {"push": {}}, "jobs": {"b": object.union(job, {"permissions": {"contents": "write"}})}}) == set()
}

test_reusable_workflows_follow_their_caller if {
	found_for({"on": {"workflow_call": {}}, "jobs": {"b": job}}) == set()
	count(found_for({"on": {"workflow_call": {}, "push": {}}, "jobs": {"b": job}})) == 1
}

test_unknown_permissions_stay_silent if {
	w := t.with_unknown(t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {"on": {"push": {}}, "jobs": {"b": job}}), ["permissions"])
	found := permissions.deny with input as t.input_of([w])
	found == set()
}
