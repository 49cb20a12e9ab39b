# METADATA
# title: The default branch of every repository is protected
# description: >-
#   Every repository the scan declares (a Terraform `github_repository`, or the
#   repository of a `.github/settings.yml`) must have a branch protection
#   (`github_branch_protection`, `github_branch_protection_v3`, a `branches[].protection`
#   of the settings file) or an active repository ruleset (`github_repository_ruleset`
#   targeting branches) that covers its default branch. The default branch is the
#   `branch` of a `github_branch_default` for the repository, else the repository's
#   `default_branch`, else "main", GitHub's default for new repositories. Terraform
#   protections belong to a repository through a reference (`repository_id =
#   github_repository.x.node_id`, `repository = github_repository.x.name`) or its literal
#   name; a settings file's protections belong to its repository. Patterns are globs
#   (`main`, `release/*`, `*`); a ruleset covers the branch through `~DEFAULT_BRANCH`,
#   `~ALL` or a matching `refs/heads/` pattern that it does not exclude. When the default
#   branch, a pattern or the repository a protection belongs to cannot be known
#   statically, the repository is not judged.
# custom:
#   id: github-default-branch-protected
#   severity: high
#   controls: [CC8.1]
#   resource_types: [github_repository, github_branch_default, github_branch_protection, github_branch_protection_v3, github_repository_ruleset]
#   remediation: |
#     Protect the default branch: add a branch protection for it (then satisfy the
#     `github-branch-protection-*` rules), or a repository ruleset that targets it.
#
#     Terraform:
#
#     ```hcl
#     resource "github_branch_protection" "main" {
#       repository_id  = github_repository.api.node_id
#       pattern        = "main"
#       enforce_admins = true
#
#       required_pull_request_reviews {
#         required_approving_review_count = 1
#         dismiss_stale_reviews           = true
#         require_code_owner_reviews      = true
#       }
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
#           enforce_admins: true
#           required_pull_request_reviews:
#             required_approving_review_count: 1
#             dismiss_stale_reviews: true
#             require_code_owner_reviews: true
#           required_status_checks:
#             strict: true
#             contexts: [ci/test]
#     ```
package soc2gate.github.default_branch_protected

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

deny contains v if {
	some repo in protection.repositories
	some branch in protection.default_branches(repo)
	not protection.may_cover(repo, branch)
	v := core.violation(repo, "", sprintf(
		"%s has no branch protection or ruleset covering its default branch %q",
		[protection.describe_repository(repo), branch],
	))
}

# What the rule could not judge: a repository whose default branch cannot be known, and
# one whose default branch no protection or ruleset certainly covers while one may,
# through a value that cannot be known.
undetermined contains v if {
	some repo in protection.repositories
	not protection.default_branches(repo)
	v := core.violation(repo, "", sprintf(
		"the default branch of %s cannot be known statically, so the rule could not judge whether it is protected",
		[protection.describe_repository(repo)],
	))
}

undetermined contains v if {
	some repo in protection.repositories
	some branch in protection.default_branches(repo)
	protection.may_cover(repo, branch)
	not protection.covers(repo, branch)
	v := core.violation(repo, "", sprintf(
		"whether a branch protection or ruleset covers the default branch %q of %s cannot be known statically",
		[branch, protection.describe_repository(repo)],
	))
}
