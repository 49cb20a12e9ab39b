# No versioning block: versioning is off. A block with enabled = false is off too.
resource "google_storage_bucket" "uploads" { # expect: gcp-storage-versioning
  name     = "acme-uploads"
  location = "EU"
}

resource "google_storage_bucket" "exports" {
  name     = "acme-exports"
  location = "EU"

  versioning {
    enabled = false # expect: gcp-storage-versioning
  }
}
