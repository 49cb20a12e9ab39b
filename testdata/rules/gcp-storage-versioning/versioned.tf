# soc2gate-test: no findings

resource "google_storage_bucket" "reports" {
  name                        = "acme-reports"
  location                    = "EU"
  public_access_prevention    = "enforced"
  uniform_bucket_level_access = true

  versioning {
    enabled = true
  }
}
