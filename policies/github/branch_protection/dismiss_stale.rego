# METADATA
# title: Branch protection dismisses stale approvals on new commits
# description: >-
#   Every branch protection (`github_branch_protection`, `github_branch_protection_v3`,
#   or a `branches[].protection` of `.github/settings.yml`) must dismiss approving reviews
#   when new commits are pushed, so an approval always covers the code that is merged.
#   `dismiss_stale_reviews` defaults to false, and without a
#   `required_pull_request_reviews` block there are no reviews to dismiss, which fails
#   too. A value that cannot be known statically is not judged.
# custom:
#   id: github-branch-protection-dismiss-stale
#   severity: medium
#   controls: [CC8.1]
#   resource_types: [github_branch_protection, github_branch_protection_v3]
#   remediation: |
#     Set `dismiss_stale_reviews` in the branch protection's review settings.
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
#         dismiss_stale_reviews           = true
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
#             dismiss_stale_reviews: true
#     ```
package soc2gate.github.branch_protection.dismiss_stale

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some r in protection.protections
	protection.no_reviews(r)
	v := core.violation(r, "", sprintf(
		"%s requires no pull request reviews, so no stale approval is dismissed (required_pull_request_reviews is not set)",
		[protection.describe(r)],
	))
}

deny contains v if {
	some r in protection.protections
	protection.has_reviews(r)
	path := protection.review_setting("dismiss_stale_reviews")
	protection.off(r, path)
	v := core.violation(r, core.path_text(path), sprintf(
		"%s keeps approvals when new commits are pushed (%s)",
		[protection.describe(r), protection.off_text(r, path)],
	))
}

# What the rule could not judge: a dismiss_stale_reviews, or a required_pull_request_reviews block, that
# cannot be known.
undetermined contains v if {
	some r in protection.protections
	some v in core.unknown_at(r, [protection.review_setting("dismiss_stale_reviews")])
}
