# soc2gate-test: no findings
# The value comes from a variable without a default: it cannot be known.
variable "dismiss_stale" {
  type = bool
}

resource "github_branch_protection" "dismiss_stale_unknown" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = var.dismiss_stale # expect-undetermined: github-branch-protection-dismiss-stale
    require_code_owner_reviews      = true
  }
}
