# soc2gate-test: no findings
# The default branch comes from a variable without a default: it cannot be known.
variable "default_branch" {
  type = string
}

resource "github_repository" "api" { # expect-undetermined: github-default-branch-protected
  name                 = "api"
  visibility           = "private"
  vulnerability_alerts = true

  security_and_analysis {
    secret_scanning {
      status = "enabled"
    }
    secret_scanning_push_protection {
      status = "enabled"
    }
  }
}

resource "github_branch_default" "api" {
  repository = github_repository.api.name
  branch     = var.default_branch
}

resource "github_branch_protection" "main" {
  repository_id  = github_repository.api.node_id
  pattern        = "main"
  enforce_admins = true

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
