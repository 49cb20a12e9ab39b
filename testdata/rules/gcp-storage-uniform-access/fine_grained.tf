# Unset means fine-grained access (object ACLs); false says so explicitly.
resource "google_storage_bucket" "default" { # expect: gcp-storage-uniform-access
  name     = "acme-uploads"
  location = "EU"
}

resource "google_storage_bucket" "acls" {
  name                        = "acme-legacy"
  location                    = "EU"
  uniform_bucket_level_access = false # expect: gcp-storage-uniform-access
}
