# soc2gate-test: no findings
resource "github_repository" "payments" {
  name                 = "payments"
  visibility           = "private"
  vulnerability_alerts = true

  security_and_analysis {
    advanced_security {
      status = "enabled"
    }
    secret_scanning {
      status = "enabled"
    }
    secret_scanning_push_protection {
      status = "enabled"
    }
  }
}

# Public repositories have both features on by default.
resource "github_repository" "sdk" {
  name                 = "sdk"
  visibility           = "public"
  vulnerability_alerts = true
}

# Neither visibility nor private: the provider creates a public repository.
resource "github_repository" "handbook" {
  name                 = "handbook"
  vulnerability_alerts = true
}

# Archived repositories are read-only: not judged.
resource "github_repository" "legacy_billing" {
  name       = "legacy-billing"
  visibility = "private"
  archived   = true
}
