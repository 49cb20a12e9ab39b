# A ruleset on tags does not protect a branch.
resource "github_repository" "api" { # expect: github-default-branch-protected
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
  target      = "tag"
  enforcement = "active"

  conditions {
    ref_name {
      include = ["~ALL"]
      exclude = []
    }
  }

  rules {
    non_fast_forward = true
    deletion         = true
  }
}
