# Code owner review is switched off.
resource "github_branch_protection" "code_owner_reviews_false" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    require_code_owner_reviews      = false # expect: github-branch-protection-code-owners
    dismiss_stale_reviews           = true
  }
}
