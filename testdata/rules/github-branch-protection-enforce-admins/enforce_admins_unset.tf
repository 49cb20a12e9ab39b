# enforce_admins is not set: the provider's default is false.
resource "github_branch_protection" "enforce_admins_unset" { # expect: github-branch-protection-enforce-admins
  repository_id  = "api"
  pattern        = "main"

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
