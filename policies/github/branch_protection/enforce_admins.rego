# METADATA
# title: Branch protection applies to administrators
# description: >-
#   Every branch protection (`github_branch_protection`, `github_branch_protection_v3`,
#   or a `branches[].protection` of `.github/settings.yml`) must also bind repository
#   administrators, so no one can merge around the review and check requirements.
#   `enforce_admins` defaults to false. A value that cannot be known statically is not
#   judged.
# custom:
#   id: github-branch-protection-enforce-admins
#   severity: medium
#   controls: [CC8.1]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: |
#     Set `enforce_admins` on the branch protection.
#
#     Terraform:
#
#     ```hcl
#     resource "github_branch_protection" "main" {
#       repository_id  = github_repository.api.node_id
#       pattern        = "main"
#       enforce_admins = true
#     }
#     ```
#
#     `.github/settings.yml`:
#
#     ```yaml
#     branches:
#       - name: main
#         protection:
#           enforce_admins: true
#     ```
package soc2gate.github.branch_protection.enforce_admins

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some r in protection.protections
	protection.off(r, ["enforce_admins"])
	v := core.violation(r, "enforce_admins", sprintf(
		"%s lets administrators bypass it (%s)",
		[protection.describe(r), protection.off_text(r, ["enforce_admins"])],
	))
}

# What the rule could not judge: an enforce_admins that cannot be known.
undetermined contains v if {
	some r in protection.protections
	some v in core.unknown_at(r, [["enforce_admins"]])
}
