# METADATA
# title: Branch protection requires code owner review
# description: >-
#   Every branch protection (`github_branch_protection`, `github_branch_protection_v3`,
#   or a `branches[].protection` of `.github/settings.yml`) must require a review from
#   the code owners (`CODEOWNERS`) of the files a pull request changes.
#   `require_code_owner_reviews` defaults to false, and without a
#   `required_pull_request_reviews` block no review is required at all, which fails too.
#   A value that cannot be known statically is not judged.
# custom:
#   id: github-branch-protection-code-owners
#   severity: low
#   controls: [CC8.1]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: |
#     Set `require_code_owner_reviews` in the branch protection's review settings, and
#     keep a `CODEOWNERS` file in the repository.
#
#     Terraform:
#
#     ```hcl
#     resource "github_branch_protection" "main" {
#       repository_id = github_repository.api.node_id
#       pattern       = "main"
#
#       required_pull_request_reviews {
#         required_approving_review_count = 1
#         require_code_owner_reviews      = true
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
#           required_pull_request_reviews:
#             required_approving_review_count: 1
#             require_code_owner_reviews: true
#     ```
package soc2gate.github.branch_protection.code_owners

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some r in protection.protections
	protection.no_reviews(r)
	v := core.violation(r, "", sprintf(
		"%s requires no pull request reviews, so code owners need not review (required_pull_request_reviews is not set)",
		[protection.describe(r)],
	))
}

deny contains v if {
	some r in protection.protections
	protection.has_reviews(r)
	path := protection.review_setting("require_code_owner_reviews")
	protection.off(r, path)
	v := core.violation(r, core.path_text(path), sprintf(
		"%s does not require review from code owners (%s)",
		[protection.describe(r), protection.off_text(r, path)],
	))
}

# What the rule could not judge: a require_code_owner_reviews, or a required_pull_request_reviews block, that
# cannot be known.
undetermined contains v if {
	some r in protection.protections
	some v in core.unknown_at(r, [protection.review_setting("require_code_owner_reviews")])
}
