resource "google_kms_key_ring" "main" {
  name     = "acme"
  location = "europe"
}

resource "google_kms_crypto_key" "data" { # expect: gcp-kms-rotation
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

resource "google_kms_crypto_key" "backups" {
  name            = "backups"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "31536000s" # expect: gcp-kms-rotation
}
