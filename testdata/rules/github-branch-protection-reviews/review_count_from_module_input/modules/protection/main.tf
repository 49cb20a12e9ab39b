# Branch protection whose approval count is the caller's choice: the finding is here, at
# the attribute, for the caller that passes 0 (through `module.sandbox`).
variable "repository" {
  type = string
}

variable "approvals" {
  type = number
}

resource "github_branch_protection" "main" {
  repository_id  = var.repository
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = var.approvals # expect: github-branch-protection-reviews
    dismiss_stale_reviews           = true
    require_code_owner_reviews      = true
  }
}
