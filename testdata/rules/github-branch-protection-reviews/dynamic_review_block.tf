# soc2gate-test: no findings
# Whether the review block exists depends on a variable: it cannot be known.
variable "review_settings" {
  type = list(object({ approvals = number }))
}

resource "github_branch_protection" "dynamic_review_block" {
  repository_id  = "api"
  pattern        = "main"
  enforce_admins = true

  required_status_checks {
    strict   = true
    contexts = ["ci/test"]
  }

  dynamic "required_pull_request_reviews" { # expect-undetermined: github-branch-protection-code-owners, github-branch-protection-dismiss-stale, github-branch-protection-reviews
    for_each = var.review_settings
    content {
      required_approving_review_count = required_pull_request_reviews.value.approvals
      dismiss_stale_reviews           = true
      require_code_owner_reviews      = true
    }
  }
}
