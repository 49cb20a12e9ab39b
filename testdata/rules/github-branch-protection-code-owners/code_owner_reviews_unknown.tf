# soc2gate-test: no findings
# The value comes from a variable without a default: it cannot be known.
variable "code_owner_reviews" {
  type = bool
}

resource "github_branch_protection" "code_owner_reviews_unknown" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    require_code_owner_reviews      = var.code_owner_reviews # expect-undetermined: github-branch-protection-code-owners
    dismiss_stale_reviews           = true
  }
}
