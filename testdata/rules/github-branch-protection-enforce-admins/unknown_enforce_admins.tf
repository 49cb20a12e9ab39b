# soc2gate-test: no findings
# The value comes from a variable without a default: it cannot be known.
variable "enforce_admins" {
  type = bool
}

resource "github_branch_protection" "unknown_enforce_admins" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = var.enforce_admins # expect-undetermined: github-branch-protection-enforce-admins

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
