package soc2gate.lib.github.workflow_test

import data.soc2gate.lib.github.workflow
import data.soc2gate.lib.inputs_test as t

w := t.settings("github_actions_workflow", "ci", ".github/workflows/ci.yml", {
	"on": {"push": {}, "pull_request_target": {}},
	"jobs": {
		"build": {"steps": [
			{"uses": "actions/checkout@v4"},
			{"run": "echo ${{ github.sha }} ${{ github.head_ref }}"},
		]},
		"call": {"uses": "acme/workflows/.github/workflows/deploy.yml@main"},
	},
})

test_triggers_jobs_and_steps if {
	wf := w
	workflow.triggers(wf) == {"push", "pull_request_target"}
	[s.path | some s in workflow.steps(wf)] == [["jobs", "build", "steps", 0], ["jobs", "build", "steps", 1]]
}

test_uses_of_steps_and_jobs if {
	wf := w
	{[u.uses, u.kind] | some u in workflow.uses(wf)} == {
		["actions/checkout@v4", "step"],
		["acme/workflows/.github/workflows/deploy.yml@main", "job"],
	}
}

test_expressions_in_order if {
	workflow.expressions("echo ${{ github.sha }} ${{ github.head_ref }}") == ["${{ github.sha }}", "${{ github.head_ref }}"]
	workflow.expressions("echo plain") == []
}

test_action if {
	workflow.action("Actions/Checkout@v4") == "actions/checkout"
	workflow.describe(w) == "workflow .github/workflows/ci.yml"
}
