# The default, "inherited", depends on an organization policy the code does not show.
resource "google_storage_bucket" "default" { # expect: gcp-storage-public-access-prevention
  name     = "acme-uploads"
  location = "EU"
}

resource "google_storage_bucket" "inherited" {
  name                     = "acme-exports"
  location                 = "EU"
  public_access_prevention = "inherited" # expect: gcp-storage-public-access-prevention
}
