resource "google_container_cluster" "plain" { # expect: gcp-gke-secrets-encryption
  name               = "acme-main"
  location           = "europe-west1"
  initial_node_count = 1
}

resource "google_container_cluster" "batch" {
  name               = "acme-batch"
  location           = "europe-west1"
  initial_node_count = 1

  database_encryption {
    state = "DECRYPTED" # expect: gcp-gke-secrets-encryption
  }
}
