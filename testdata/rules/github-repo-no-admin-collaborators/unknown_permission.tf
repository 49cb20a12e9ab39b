# soc2gate-test: no findings
variable "permission" {
  type = string
}

resource "github_repository_collaborator" "configurable" {
  repository = "api"
  username   = "ana"
  permission = var.permission # expect-undetermined: github-repo-no-admin-collaborators
}
