# soc2gate-test: no findings
# Both values come from variables without defaults: they cannot be known.
variable "strict_checks" {
  type = bool
}

variable "required_checks" {
  type = list(string)
}

resource "github_branch_protection" "unknown_checks" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = var.strict_checks # expect-undetermined: github-branch-protection-status-checks
    contexts = var.required_checks # expect-undetermined: github-branch-protection-status-checks
  }

  required_pull_request_reviews {
    required_approving_review_count = 1
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
