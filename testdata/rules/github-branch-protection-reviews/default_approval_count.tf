# soc2gate-test: no findings
# required_approving_review_count defaults to 1 inside the review block.
resource "github_branch_protection" "default_approval_count" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    dismiss_stale_reviews      = true
    require_code_owner_reviews = true
  }
}
