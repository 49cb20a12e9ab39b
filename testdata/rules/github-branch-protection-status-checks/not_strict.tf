# The checks may have passed on an outdated branch.
resource "github_branch_protection" "not_strict" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = false # expect: github-branch-protection-status-checks
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
