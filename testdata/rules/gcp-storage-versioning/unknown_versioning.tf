# soc2gate-test: no findings
variable "keep_versions" {
  type = bool
}

resource "google_storage_bucket" "data" {
  name     = "acme-data"
  location = "EU"

  versioning {
    enabled = var.keep_versions # expect-undetermined: gcp-storage-versioning
  }
}
