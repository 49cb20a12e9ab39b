# The v3 resource reads the same review settings.
resource "github_branch_protection_v3" "zero_approvals" {
  repository     = "api"
  branch         = "main"
  enforce_admins = true

  required_status_checks {
    strict = true
    checks = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 0 # expect: github-branch-protection-reviews
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
