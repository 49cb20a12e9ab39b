# soc2gate-test: no findings
# A ruleset that targets the default branch.
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

resource "github_repository_ruleset" "default_branch" {
  name        = "default branch"
  repository  = github_repository.api.name
  target      = "branch"
  enforcement = "active"

  conditions {
    ref_name {
      include = ["~DEFAULT_BRANCH"]
      exclude = []
    }
  }

  rules {
    non_fast_forward = true
    deletion         = true
  }
}
