# soc2gate-test: no findings
resource "github_branch_protection" "dismiss_stale_true" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

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
