package soc2gate.github.workflow.untrusted_checkout_test

import data.soc2gate.github.workflow.untrusted_checkout
import data.soc2gate.lib.inputs_test as t

found_for(on, ref) := found if {
	w := t.settings("github_actions_workflow", "pr", ".github/workflows/pr.yml", {"on": on, "jobs": {"test": {"steps": [
		{"uses": "actions/checkout@v4", "with": {"ref": ref}},
		{"run": "make test"},
	]}}})
	found := untrusted_checkout.deny with input as t.input_of([w])
}

test_head_sha_on_pull_request_target_fails_at_the_ref if {
	found_for({"pull_request_target": {}}, "${{ github.event.pull_request.head.sha }}") == {{
		"resource": "github_actions_workflow.pr",
		"attribute": "jobs.test.steps[0].with.ref",
		"message": "workflow .github/workflows/pr.yml runs on pull_request_target with a privileged token and checks out the pull request's code (ref: ${{ github.event.pull_request.head.sha }}); build untrusted code in a pull_request workflow instead",
	}}
}

test_other_pull_request_refs_fail if {
	count(found_for({"pull_request_target": {"types": ["labeled"]}}, "${{ github.head_ref }}")) == 1
	count(found_for({"pull_request_target": {}}, "refs/pull/${{ github.event.number }}/merge")) == 1
	count(found_for({"workflow_run": {"workflows": ["ci"]}}, "${{ github.event.workflow_run.head_sha }}")) == 1
}

test_unprivileged_triggers_and_base_refs_pass if {
	found_for({"pull_request": {}}, "${{ github.event.pull_request.head.sha }}") == set()
	found_for({"pull_request_target": {}}, "${{ github.event.pull_request.base.sha }}") == set()
	found_for({"pull_request_target": {}}, "main") == set()
}

test_ref_from_an_input_stays_silent if {
	found_for({"pull_request_target": {}, "workflow_dispatch": {}}, "${{ inputs.ref }}") == set()
}
