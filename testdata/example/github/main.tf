# GitHub repositories managed with Terraform (integrations/github provider).

resource "github_repository" "payments" {
  name                 = "payments-api"
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

# The default branch is protected, but the protection lets changes through unreviewed.
resource "github_branch_protection" "payments_main" {
  repository_id       = github_repository.payments.node_id
  pattern             = "main"
  enforce_admins      = false # expect: github-branch-protection-enforce-admins
  allows_force_pushes = true  # expect: github-branch-protection-no-force-push

  required_status_checks {
    strict   = false # expect: github-branch-protection-status-checks
    contexts = ["ci/test"]
  }

  required_pull_request_reviews {
    required_approving_review_count = 0     # expect: github-branch-protection-reviews
    dismiss_stale_reviews           = false # expect: github-branch-protection-dismiss-stale
    require_code_owner_reviews      = false # expect: github-branch-protection-code-owners
  }
}

# Nothing protects this repository's default branch.
resource "github_repository" "docs" { # expect: github-default-branch-protected
  name                 = "docs"
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
