# strict is not set: the provider's default is false.
resource "github_branch_protection" "strict_unset" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks { # expect: github-branch-protection-status-checks
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
