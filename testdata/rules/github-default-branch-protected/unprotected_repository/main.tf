# A repository whose default branch (GitHub's default, main) nothing protects.
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
