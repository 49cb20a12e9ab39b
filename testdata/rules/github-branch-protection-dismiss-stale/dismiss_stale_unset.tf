# dismiss_stale_reviews is not set: the provider's default is false.
resource "github_branch_protection" "dismiss_stale_unset" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews { # expect: github-branch-protection-dismiss-stale
    required_approving_review_count = 1
    require_code_owner_reviews      = true
  }
}
