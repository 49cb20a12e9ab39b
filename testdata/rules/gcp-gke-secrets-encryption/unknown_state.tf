# soc2gate-test: no findings
variable "secrets_encryption_state" {
  type = string
}

resource "google_container_cluster" "configurable" {
  name               = "acme-main"
  location           = "europe-west1"
  initial_node_count = 1

  database_encryption {
    state    = var.secrets_encryption_state # expect-undetermined: gcp-gke-secrets-encryption
    key_name = "projects/acme/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"
  }
}
