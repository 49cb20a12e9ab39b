# soc2gate-test: no findings
variable "ops_role" {
  type = string
}

resource "google_project_iam_member" "ops" {
  project = "acme-prod"
  role    = var.ops_role # expect-undetermined: gcp-iam-no-basic-roles
  member  = "group:ops@example.com"
}
