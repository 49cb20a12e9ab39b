# The v3 resource reads the same settings.
resource "github_branch_protection_v3" "v3_not_strict" {
  repository     = "api"
  branch         = "main"
  enforce_admins = true

  required_status_checks {
    strict = false # expect: github-branch-protection-status-checks
    checks = ["ci/test:15368"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
