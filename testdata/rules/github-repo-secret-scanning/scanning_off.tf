# A private repository with no security_and_analysis block: GitHub leaves secret
# scanning and push protection off for private repositories.
resource "github_repository" "api" { # expect: github-repo-secret-scanning
  name                 = "api"
  visibility           = "private"
  vulnerability_alerts = true
}

# Push protection switched off explicitly.
resource "github_repository" "web" {
  name                 = "web"
  visibility           = "internal"
  vulnerability_alerts = true

  security_and_analysis {
    advanced_security {
      status = "enabled"
    }
    secret_scanning {
      status = "enabled"
    }
    secret_scanning_push_protection {
      status = "disabled" # expect: github-repo-secret-scanning
    }
  }
}

# Secret scanning without push protection on a private repository (private = true).
resource "github_repository" "worker" {
  name                 = "worker"
  private              = true
  vulnerability_alerts = true

  security_and_analysis { # expect: github-repo-secret-scanning
    advanced_security {
      status = "enabled"
    }
    secret_scanning {
      status = "enabled"
    }
  }
}
