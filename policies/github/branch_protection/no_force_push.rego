# METADATA
# title: Branch protection forbids force pushes and branch deletion
# description: >-
#   No branch protection (`github_branch_protection`, or a `branches[].protection` of
#   `.github/settings.yml`) may allow force pushes or deletion of the branch: either
#   rewrites or erases the reviewed history. `allows_force_pushes` and `allows_deletions`
#   default to false, so only an explicit true fails. `github_branch_protection_v3` has
#   neither setting and GitHub's API then forbids both, so it always passes. A value that
#   cannot be known statically is not judged.
# custom:
#   id: github-branch-protection-no-force-push
#   severity: high
#   controls: [CC8.1]
#   resource_types: [github_branch_protection]
#   remediation: |
#     Remove `allows_force_pushes` and `allows_deletions`, or set them to false.
#
#     Terraform:
#
#     ```hcl
#     resource "github_branch_protection" "main" {
#       repository_id       = github_repository.api.node_id
#       pattern             = "main"
#       allows_force_pushes = false
#       allows_deletions    = false
#     }
#     ```
#
#     `.github/settings.yml`:
#
#     ```yaml
#     branches:
#       - name: main
#         protection:
#           allow_force_pushes: false
#           allow_deletions: false
#     ```
package soc2gate.github.branch_protection.no_force_push

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

# What each switch lets happen, for messages.
allows := {
	"allows_force_pushes": "force pushes",
	"allows_deletions": "deletion of the branch",
}

# How a settings file spells each switch.
settings_key := {
	"allows_force_pushes": "allow_force_pushes",
	"allows_deletions": "allow_deletions",
}

deny contains v if {
	some r in protection.protections
	r.type == "github_branch_protection"
	some attribute, what in allows
	protection.on(r, [attribute])
	v := core.violation(r, attribute, sprintf(
		"%s allows %s (%s is true)",
		[protection.describe(r), what, _written(r, attribute)],
	))
}

_written(r, attribute) := settings_key[attribute] if r.mode == "settings"

_written(r, attribute) := attribute if r.mode != "settings"

# What the rule could not judge: an allows_force_pushes or allows_deletions that cannot be
# known.
undetermined contains v if {
	some r in protection.protections
	r.type == "github_branch_protection"
	some v in core.unknown_at(r, [[attribute] | some attribute, _ in allows])
}
