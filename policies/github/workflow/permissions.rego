# METADATA
# title: Workflows set the permissions of their token
# description: >-
#   Every GitHub Actions workflow must say what its `GITHUB_TOKEN` may do: a top-level
#   `permissions` (a mapping, `read-all` or `{}`), or a `permissions` on every job.
#   Without one, the token gets the repository's default permissions, which for many
#   repositories (and every organization created before February 2023) is write access
#   to contents, packages, pull requests and more: a compromised step could then push
#   code or releases without review. `permissions: write-all`, at the top or on a job, is
#   reported too. A reusable workflow triggered only by `workflow_call` runs with the
#   caller's token, whose permissions the file cannot show, and is not judged without a
#   `write-all`.
# custom:
#   id: github-workflow-permissions
#   severity: medium
#   controls: [CC6.3]
#   resource_types: [github_actions_workflow]
#   remediation: |
#     Start from read-only and grant each job only what it needs:
#
#     ```yaml
#     permissions:
#       contents: read
#
#     jobs:
#       release:
#         runs-on: ubuntu-latest
#         permissions:
#           contents: write # to create the release
#         steps:
#           - uses: actions/checkout@v4
#     ```
package soc2gate.github.workflow.permissions

import data.soc2gate.lib.core
import data.soc2gate.lib.github.workflow

# No top-level permissions, and some job has none either.
deny contains v if {
	some w in workflow.workflows
	core.unset(w, ["permissions"])
	not _called_only(w)
	bare := [id | some [id, job] in workflow.jobs(w); core.unset(w, ["jobs", id, "permissions"])]
	count(bare) > 0
	v := core.violation(w, "", sprintf(
		"%s sets no top-level permissions and job %s sets none either, so its token gets the repository's default permissions (often write access to everything); add `permissions: contents: read` and grant more per job",
		[workflow.describe(w), concat(", ", bare)],
	))
}

deny contains v if {
	some w in workflow.workflows
	core.value_is(w, ["permissions"], "write-all")
	v := core.violation(w, "permissions", sprintf(
		"%s gives its token write-all permissions; grant only the scopes its jobs need",
		[workflow.describe(w)],
	))
}

deny contains v if {
	some w in workflow.workflows
	some [id, _] in workflow.jobs(w)
	path := ["jobs", id, "permissions"]
	core.value_is(w, path, "write-all")
	v := core.violation(w, core.path_text(path), sprintf(
		"job %s of %s gives its token write-all permissions; grant only the scopes it needs",
		[id, workflow.describe(w)],
	))
}

# A reusable workflow that only callers run: the caller's token decides.
_called_only(w) if workflow.triggers(w) == {"workflow_call"}

# A reusable workflow runs with its caller's token; permissions that cannot be known.
undetermined contains v if {
	some w in workflow.workflows
	core.unset(w, ["permissions"])
	_called_only(w)
	v := core.violation(w, "", "a reusable workflow (on: workflow_call) without permissions runs with its caller's token, whose permissions this file cannot show, so the rule could not judge it")
}

undetermined contains v if {
	some w in workflow.workflows
	paths := array.concat([["permissions"], ["on"], ["jobs"]], [["jobs", id, "permissions"] | some [id, _] in workflow.jobs(w)])
	some v in core.unknown_at(w, paths)
}
