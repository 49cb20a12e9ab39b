# METADATA
# title: Branch protection requires an approving review
# description: >-
#   Every branch protection (`github_branch_protection`, `github_branch_protection_v3`,
#   or a `branches[].protection` of `.github/settings.yml`) must require pull request
#   reviews with at least one approval, so no change reaches the branch unreviewed.
#   Without a `required_pull_request_reviews` block no review is required; inside it,
#   `required_approving_review_count` defaults to 1, so only an explicit 0 fails.
#   A count or block that cannot be known statically is not judged.
# custom:
#   id: github-branch-protection-reviews
#   severity: high
#   controls: [CC8.1]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: |
#     Require at least one approving review on the protected branch.
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
#     ```
package soc2gate.github.branch_protection.reviews

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some r in protection.protections
	protection.no_reviews(r)
	v := core.violation(r, "", sprintf(
		"%s does not require pull request reviews (required_pull_request_reviews is not set)",
		[protection.describe(r)],
	))
}

deny contains v if {
	some r in protection.protections
	n := protection.approvals(r)
	n < 1
	v := core.violation(r, "required_pull_request_reviews[0].required_approving_review_count", sprintf(
		"%s requires no approving review (required_approving_review_count is %d)",
		[protection.describe(r), n],
	))
}

# What the rule could not judge: a required_approving_review_count, or a required_pull_request_reviews block, that
# cannot be known.
undetermined contains v if {
	some r in protection.protections
	some v in core.unknown_at(r, [protection.review_setting("required_approving_review_count")])
}
