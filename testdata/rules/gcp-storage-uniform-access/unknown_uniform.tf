# soc2gate-test: no findings
variable "uniform_access" {
  type = bool
}

resource "google_storage_bucket" "data" {
  name                        = "acme-data"
  location                    = "EU"
  uniform_bucket_level_access = var.uniform_access # expect-undetermined: gcp-storage-uniform-access
}
