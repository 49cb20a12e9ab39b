# soc2gate-test: no findings
# The values come from variables without defaults: they cannot be known.
variable "allow_force_pushes" {
  type = bool
}

variable "allow_deletions" {
  type = bool
}

resource "github_branch_protection" "unknown_switches" {
  repository_id       = "api"
  pattern             = "main"
  enforce_admins      = true
  allows_force_pushes = var.allow_force_pushes # expect-undetermined: github-branch-protection-no-force-push
  allows_deletions    = var.allow_deletions # expect-undetermined: github-branch-protection-no-force-push

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
