# A review block that requires no approval.
resource "github_branch_protection" "zero_approvals" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 0 # expect: github-branch-protection-reviews
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
