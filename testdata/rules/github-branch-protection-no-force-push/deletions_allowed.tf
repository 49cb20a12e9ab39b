# The branch, and its history, can be deleted.
resource "github_branch_protection" "deletions_allowed" {
  repository_id       = "api"
  pattern             = "main"
  enforce_admins      = true
  allows_deletions    = true # expect: github-branch-protection-no-force-push

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
