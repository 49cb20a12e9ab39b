# soc2gate-test: no findings
# The visibility comes from a variable without a default: the repository may be public,
# whose defaults enable both features, so it is not judged.
variable "repository_visibility" {
  type = string
}

resource "github_repository" "scheduler" {
  name                 = "scheduler"
  visibility           = var.repository_visibility # expect-undetermined: github-repo-secret-scanning
  vulnerability_alerts = true
}
