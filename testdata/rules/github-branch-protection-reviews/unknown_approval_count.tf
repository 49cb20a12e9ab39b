# soc2gate-test: no findings
# The count comes from a variable without a default: it cannot be known.
variable "approvals" {
  type = number
}

resource "github_branch_protection" "unknown_approval_count" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = var.approvals # expect-undetermined: github-branch-protection-reviews
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
