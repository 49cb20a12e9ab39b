# soc2gate-test: no findings
variable "rotation_period" {
  type = string
}

resource "google_kms_crypto_key" "configurable" {
  name            = "data"
  key_ring        = "projects/acme/locations/europe/keyRings/acme"
  rotation_period = var.rotation_period # expect-undetermined: gcp-kms-rotation
}
