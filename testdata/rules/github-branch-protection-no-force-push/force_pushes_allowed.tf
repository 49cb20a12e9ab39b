# Force pushes can rewrite the reviewed history.
resource "github_branch_protection" "force_pushes_allowed" {
  repository_id       = "api"
  pattern             = "main"
  enforce_admins      = true
  allows_force_pushes = true # expect: github-branch-protection-no-force-push

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
