# METADATA
# title: Privileged workflows do not check out pull request code
# description: >-
#   A workflow triggered by `pull_request_target` or `workflow_run` runs with a token
#   that can write to the repository and with its secrets, even for a pull request from a
#   fork. Checking out the pull request's code there (`actions/checkout` with a `ref` from
#   `github.event.pull_request.head.*`, `github.head_ref`, a `refs/pull/...` ref, or, for
#   `workflow_run`, `github.event.workflow_run.head_*`) and then building or testing it
#   runs an outsider's code with those privileges (a "pwn request"). Each such checkout
#   is reported at its `ref`. A `ref` that comes from an input or another expression is
#   not judged.
# custom:
#   id: github-workflow-untrusted-checkout
#   severity: critical
#   controls: [CC6.1, CC8.1]
#   resource_types: [github_actions_workflow]
#   remediation: |
#     Build and test pull requests in a `pull_request` workflow, which runs forks with a
#     read-only token and no secrets. If a privileged follow-up is needed (a comment, a
#     label), let a `workflow_run` workflow consume the first one's artifacts as data,
#     without checking out or running the pull request's code:
#
#     ```yaml
#     on: pull_request
#     permissions:
#       contents: read
#     jobs:
#       test:
#         runs-on: ubuntu-latest
#         steps:
#           - uses: actions/checkout@v4
#           - run: make test
#     ```
package soc2gate.github.workflow.untrusted_checkout

import data.soc2gate.lib.core
import data.soc2gate.lib.github.workflow

_privileged := {"pull_request_target", "workflow_run"}

# Where a checkout `ref` names the pull request's code.
_pull_request_code := [
	`github\.event\.pull_request\.head\.`,
	`github\.head_ref`,
	`refs/pull/`,
	`github\.event\.workflow_run\.head_`,
]

deny contains v if {
	some w in workflow.workflows
	events := workflow.triggers(w) & _privileged
	count(events) > 0
	some s in workflow.steps(w)
	workflow.action(object.get(s.step, "uses", "")) == "actions/checkout"
	ref := object.get(s.step, ["with", "ref"], null)
	is_string(ref)
	some pattern in _pull_request_code
	regex.match(pattern, ref)
	path := array.concat(s.path, ["with", "ref"])
	v := core.violation(w, core.path_text(path), sprintf(
		"%s runs on %s with a privileged token and checks out the pull request's code (ref: %s); build untrusted code in a pull_request workflow instead",
		[workflow.describe(w), concat(" and ", sort(events)), ref],
	))
}

# A privileged checkout whose ref is decided elsewhere: an input, a step output, an
# environment variable, or a value a template engine fills in.
undetermined contains v if {
	some w in workflow.workflows
	count(workflow.triggers(w) & _privileged) > 0
	some s in workflow.steps(w)
	workflow.action(object.get(s.step, "uses", "")) == "actions/checkout"
	ref := object.get(s.step, ["with", "ref"], null)
	is_string(ref)
	not _pull_request_ref(ref)
	regex.match(`\$\{\{[^}]*\b(inputs|steps|needs|env|vars)\.`, ref)
	path := array.concat(s.path, ["with", "ref"])
	v := core.violation(w, core.path_text(path), sprintf(
		"the checked-out ref %s is decided outside this workflow, so the rule could not tell whether it is the pull request's code",
		[ref],
	))
}

undetermined contains v if {
	some w in workflow.workflows
	count(workflow.triggers(w) & _privileged) > 0
	some s in workflow.steps(w)
	some v in core.unknown_at(w, [array.concat(s.path, ["with", "ref"])])
}

_pull_request_ref(ref) if {
	some pattern in _pull_request_code
	regex.match(pattern, ref)
}
