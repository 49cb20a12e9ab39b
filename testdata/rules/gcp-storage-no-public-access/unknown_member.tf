# soc2gate-test: no findings
# The member comes from a variable without a default: it may or may not be allUsers.
variable "reader" {
  type = string
}

resource "google_storage_bucket_iam_member" "reader" {
  bucket = "acme-reports"
  role   = "roles/storage.objectViewer"
  member = var.reader # expect-undetermined: gcp-storage-no-public-access
}
