# soc2gate-test: no findings
resource "google_container_cluster" "main" {
  name               = "acme-main"
  location           = "europe-west1"
  initial_node_count = 1

  database_encryption {
    state    = "ENCRYPTED"
    key_name = "projects/acme/locations/europe-west1/keyRings/gke/cryptoKeys/secrets"
  }
}
