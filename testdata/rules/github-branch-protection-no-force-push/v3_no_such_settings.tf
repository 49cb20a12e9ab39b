# soc2gate-test: no findings
# The v3 resource cannot allow either: GitHub's API then forbids both.
resource "github_branch_protection_v3" "v3_no_such_settings" {
  repository          = "api"
  branch              = "main"
  enforce_admins      = true

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
