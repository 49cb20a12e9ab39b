# No required_status_checks block: nothing must pass before merging.
resource "github_branch_protection" "no_status_checks_block" { # expect: github-branch-protection-status-checks
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
