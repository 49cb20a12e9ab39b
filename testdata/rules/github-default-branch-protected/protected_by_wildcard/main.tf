# soc2gate-test: no findings
# `*` matches every branch without a slash, main included.
resource "github_repository" "api" {
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

resource "github_branch_protection" "all" {
  repository_id  = github_repository.api.node_id
  pattern        = "*"
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
