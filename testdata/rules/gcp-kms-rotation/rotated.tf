# soc2gate-test: no findings
# Rotated every 90 days; a signing key cannot rotate automatically.
resource "google_kms_crypto_key" "rotated" {
  name            = "data"
  key_ring        = "projects/acme/locations/europe/keyRings/acme"
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key" "signing" {
  name     = "release-signing"
  key_ring = "projects/acme/locations/europe/keyRings/acme"
  purpose  = "ASYMMETRIC_SIGN"

  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}
