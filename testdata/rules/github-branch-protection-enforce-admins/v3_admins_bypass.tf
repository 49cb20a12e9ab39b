# The v3 resource reads the same setting.
resource "github_branch_protection_v3" "admins_bypass" {
  repository     = "api"
  branch         = "main"
  enforce_admins = false # expect: github-branch-protection-enforce-admins

  required_status_checks {
    strict   = true
    checks   = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
