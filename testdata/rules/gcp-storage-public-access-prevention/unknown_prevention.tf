# soc2gate-test: no findings
# The setting comes from a variable without a default.
variable "public_access_prevention" {
  type = string
}

resource "google_storage_bucket" "data" {
  name                     = "acme-data"
  location                 = "EU"
  public_access_prevention = var.public_access_prevention # expect-undetermined: gcp-storage-public-access-prevention
}
