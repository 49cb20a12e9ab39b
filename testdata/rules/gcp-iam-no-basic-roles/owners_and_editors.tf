resource "google_project_iam_member" "ops_owner" {
  project = "acme-prod"
  role    = "roles/owner" # expect: gcp-iam-no-basic-roles
  member  = "group:ops@example.com"
}

resource "google_folder_iam_binding" "editors" {
  folder = "folders/123456789"
  role   = "roles/editor" # expect: gcp-iam-no-basic-roles
  members = [
    "user:ana@example.com",
    "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com",
  ]
}

data "google_iam_policy" "org" {
  binding {
    role    = "roles/owner" # expect: gcp-iam-no-basic-roles
    members = ["group:admins@example.com"]
  }
}

resource "google_organization_iam_policy" "org" {
  org_id      = "1234567890"
  policy_data = data.google_iam_policy.org.policy_data
}
