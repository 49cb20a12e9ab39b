# Administrators may merge around the protection.
resource "github_branch_protection" "admins_bypass" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = false # expect: github-branch-protection-enforce-admins

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
