# soc2gate-test: no findings
# Grants to a service account and a group only.
resource "google_storage_bucket_iam_member" "app" {
  bucket = "acme-reports"
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:app@acme-prod.iam.gserviceaccount.com"
}

resource "google_storage_bucket_iam_binding" "admins" {
  bucket  = "acme-reports"
  role    = "roles/storage.admin"
  members = ["group:storage-admins@example.com"]
}

resource "google_storage_bucket_iam_policy" "archive" {
  bucket = "acme-archive"
  policy_data = jsonencode({
    bindings = [{
      role    = "roles/storage.objectViewer"
      members = ["group:auditors@example.com"]
    }]
  })
}
