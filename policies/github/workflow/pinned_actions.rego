# METADATA
# title: Third-party actions and reusable workflows are pinned to a commit SHA
# description: >-
#   Every `uses:` of a step, or of a job that calls a reusable workflow, that names an
#   action of another owner must pin it to a full 40-character commit SHA. A tag or
#   branch (`@v3`, `@main`) can be moved by whoever controls that repository, and the
#   next run executes their new code with this workflow's token and secrets (as in the
#   tj-actions/changed-files compromise of 2025). Owners listed in the parameter
#   `trusted_owners` (default `actions` and `github`, GitHub's own) are not reported,
#   nor local actions (`./...`) and Docker images pinned by digest (`docker://...@sha256:...`);
#   other `docker://` images are. A `uses:` that a template engine fills in cannot be
#   known and is not judged.
# custom:
#   id: github-workflow-pinned-actions
#   severity: medium
#   controls: [CC8.1]
#   resource_types: [github_actions_workflow]
#   params:
#     trusted_owners: [actions, github]
#   remediation: |
#     Pin the action to the commit its tag points at, and keep the tag in a comment so
#     Dependabot or Renovate can update both:
#
#     ```yaml
#     steps:
#       - uses: actions/checkout@v4
#       - uses: docker/login-action@74a5d142397b4f367a81961eba4e8cd7edddf772 # v3.4.0
#     ```
package soc2gate.github.workflow.pinned_actions

import data.soc2gate.lib.core
import data.soc2gate.lib.github.workflow

# The parameter: owners whose actions may be used by tag (compared in lower case).
default trusted_owners := ["actions", "github"]

trusted_owners := data.params["github-workflow-pinned-actions"].trusted_owners

invalid_params contains message if {
	not _strings(trusted_owners)
	message := sprintf(
		"trusted_owners must be a list of GitHub owner names (e.g. [\"actions\", \"github\"]), not %s",
		[json.marshal(trusted_owners)],
	)
}

_strings(x) if {
	is_array(x)
	every o in x {
		is_string(o)
	}
}

_trusted := {lower(o) |
	_strings(trusted_owners)
	some o in trusted_owners
}

deny contains v if {
	some w in workflow.workflows
	some u in workflow.uses(w)
	not contains(u.uses, "${{")
	problem := _unpinned(u.uses)
	v := core.violation(w, core.path_text(u.path), sprintf(
		"%s uses %s, %s; pin it to a full commit SHA (keep the tag in a comment)",
		[_where(w, u), u.uses, problem],
	))
}

# Why a reference is not pinned, or undefined when it is (or is trusted, or local).
_unpinned(ref) := "a Docker image by tag, which can be replaced" if {
	startswith(ref, "docker://")
	not contains(ref, "@sha256:")
}

_unpinned(ref) := sprintf("a reference (%s) that can be moved to other code", [version]) if {
	not startswith(ref, "./")
	not startswith(ref, "docker://")
	parts := split(ref, "@")
	count(parts) == 2
	owner := lower(split(parts[0], "/")[0])
	not owner in _trusted
	version := parts[1]
	not regex.match(`^[0-9a-f]{40}$`, version)
}

_where(w, u) := sprintf("a step of %s", [workflow.describe(w)]) if u.kind == "step"

_where(w, u) := sprintf("job %s of %s", [u.path[1], workflow.describe(w)]) if u.kind == "job"

# A `uses:` that a template engine fills in, and one built from an expression.
undetermined contains v if {
	some w in workflow.workflows
	some u in w.unknown
	regex.match(`^jobs\.[^.\[]+(\.steps\[[0-9]+\])?\.uses$`, u)
	v := core.violation(w, u, sprintf("%s cannot be known statically, so the rule could not judge it", [u]))
}

undetermined contains v if {
	some w in workflow.workflows
	some u in workflow.uses(w)
	contains(u.uses, "${{")
	v := core.cannot_judge(w, u.path)
}
