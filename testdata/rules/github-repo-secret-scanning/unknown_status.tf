# soc2gate-test: no findings
# The statuses come from a variable without a default: not judged.
variable "secret_scanning_status" {
  type = string
}

resource "github_repository" "ledger" {
  name                 = "ledger"
  visibility           = "private"
  vulnerability_alerts = true

  security_and_analysis {
    advanced_security {
      status = "enabled"
    }
    secret_scanning {
      status = var.secret_scanning_status # expect-undetermined: github-repo-secret-scanning
    }
    secret_scanning_push_protection {
      status = var.secret_scanning_status # expect-undetermined: github-repo-secret-scanning
    }
  }
}
