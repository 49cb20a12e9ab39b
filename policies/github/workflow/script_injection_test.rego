package soc2gate.github.workflow.script_injection_test

import data.soc2gate.github.workflow.script_injection
import data.soc2gate.lib.inputs_test as t

found_for(steps) := found if {
	w := t.settings("github_actions_workflow", "triage", ".github/workflows/triage.yml", {"on": {"issues": {}}, "jobs": {"t": {"steps": steps}}})
	found := script_injection.deny with input as t.input_of([w])
}

test_issue_title_in_run_fails_at_the_expression if {
	found_for([{"run": "echo ${{ github.sha }}\necho \"${{ github.event.issue.title }}\""}]) == {{
		"resource": "github_actions_workflow.triage",
		"attribute": "jobs.t.steps[0].run[1]",
		"message": "a script of workflow .github/workflows/triage.yml expands ${{ github.event.issue.title }} inline, a value anyone opening an issue or pull request can choose, so it can inject shell commands; pass it through env: and use the variable",
	}}
}

test_each_untrusted_expression_is_reported if {
	found := found_for([{"run": "git checkout ${{ github.head_ref }} && echo '${{ github.event.pull_request.body }}'"}])
	{v.attribute | some v in found} == {"jobs.t.steps[0].run[0]", "jobs.t.steps[0].run[1]"}
}

test_commit_messages_comments_and_github_script if {
	count(found_for([{"run": "echo ${{ github.event.head_commit.message }}"}])) == 1
	count(found_for([{"run": "echo ${{ github.event.commits[0].author.email }}"}])) == 1
	count(found_for([{"run": "echo ${{ github.event.comment.body }}"}])) == 1
	[v] := [x | some x in found_for([{"uses": "actions/github-script@v7", "with": {"script": "core.info('${{ github.event.pull_request.title }}')"}}])]
	v.attribute == "jobs.t.steps[0].with.script[0]"
}

test_trusted_contexts_and_env_pass if {
	found_for([
		{"run": "echo ${{ github.sha }} ${{ github.event.pull_request.number }} ${{ inputs.title }} ${{ steps.x.outputs.y }}"},
		{"env": {"TITLE": "${{ github.event.issue.title }}"}, "run": "echo \"$TITLE\""},
		{"uses": "acme/notify@v1", "with": {"text": "${{ github.event.issue.title }}"}},
	]) == set()
}

test_unknown_script_stays_silent if {
	w := t.with_unknown(t.settings("github_actions_workflow", "triage", ".github/workflows/triage.yml", {"on": {"issues": {}}, "jobs": {"t": {"steps": [{}]}}}), ["jobs.t.steps[0].run"])
	found := script_injection.deny with input as t.input_of([w])
	found == set()
}
