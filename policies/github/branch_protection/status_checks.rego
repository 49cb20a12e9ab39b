# METADATA
# title: Branch protection requires status checks on an up-to-date branch
# description: >-
#   Every branch protection (`github_branch_protection`, `github_branch_protection_v3`,
#   or a `branches[].protection` of `.github/settings.yml`) must require at least one
#   status check to pass, and require the branch to be up to date with its base before
#   merging (`strict`), so what is merged is what was tested. Without a
#   `required_status_checks` block no check is required; inside it, `strict` defaults to
#   false and an empty or unset `contexts` (and `checks`, for the v3 resource) names no
#   check. A value that cannot be known statically is not judged.
# custom:
#   id: github-branch-protection-status-checks
#   severity: medium
#   controls: [CC8.1, CC7.1]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: |
#     Require the CI checks that must pass, on a branch that is up to date.
#
#     Terraform:
#
#     ```hcl
#     resource "github_branch_protection" "main" {
#       repository_id = github_repository.api.node_id
#       pattern       = "main"
#
#       required_status_checks {
#         strict   = true
#         contexts = ["ci/test"]
#       }
#     }
#     ```
#
#     `.github/settings.yml`:
#
#     ```yaml
#     branches:
#       - name: main
#         protection:
#           required_status_checks:
#             strict: true
#             contexts: [ci/test]
#     ```
package soc2gate.github.branch_protection.status_checks

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some r in protection.protections
	protection.no_status_checks(r)
	v := core.violation(r, "", sprintf(
		"%s requires no status checks (required_status_checks is not set)",
		[protection.describe(r)],
	))
}

deny contains v if {
	some r in protection.protections
	protection.names_no_check(r)
	v := core.violation(r, "required_status_checks[0].contexts", sprintf(
		"%s requires no status checks (no contexts are listed)",
		[protection.describe(r)],
	))
}

deny contains v if {
	some r in protection.protections
	protection.has_status_checks(r)
	path := protection.status_check_setting("strict")
	protection.off(r, path)
	v := core.violation(r, core.path_text(path), sprintf(
		"%s does not require the branch to be up to date before merging (%s)",
		[protection.describe(r), protection.off_text(r, path)],
	))
}

# What the rule could not judge: required_status_checks settings that cannot be known.
undetermined contains v if {
	some r in protection.protections
	some v in core.unknown_at(r, [protection.status_check_setting(key) | some key in ["strict", "contexts", "checks"]])
}
