# soc2gate-test: no findings
variable "purpose" {
  type = string
}

resource "google_compute_subnetwork" "configurable" {
  name          = "app"
  region        = "europe-west1"
  network       = "projects/acme/global/networks/vpc"
  ip_cidr_range = "10.10.0.0/20"
  purpose       = var.purpose # expect-undetermined: gcp-subnet-flow-logs
}
