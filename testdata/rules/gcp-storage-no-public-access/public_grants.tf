# Three ways of making a bucket public: an IAM member, a binding and a whole policy.
resource "google_storage_bucket" "site" {
  name                        = "acme-site"
  location                    = "EU"
  uniform_bucket_level_access = true
}

resource "google_storage_bucket_iam_member" "public_read" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect: gcp-storage-no-public-access
}

resource "google_storage_bucket_iam_binding" "viewers" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.legacyBucketReader"
  members = [
    "group:web@example.com",
    "allAuthenticatedUsers", # expect: gcp-storage-no-public-access
  ]
}

data "google_iam_policy" "assets" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["allUsers"] # expect: gcp-storage-no-public-access
  }
}

resource "google_storage_bucket_iam_policy" "assets" {
  bucket      = "acme-assets"
  policy_data = data.google_iam_policy.assets.policy_data
}
