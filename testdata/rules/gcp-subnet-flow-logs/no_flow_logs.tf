resource "google_compute_subnetwork" "web" { # expect: gcp-subnet-flow-logs
  name          = "app"
  region        = "europe-west1"
  network       = "projects/acme/global/networks/vpc"
  ip_cidr_range = "10.10.0.0/20"
}

# A provider v3 configuration that turns flow logs off explicitly.
resource "google_compute_subnetwork" "legacy" {
  name             = "legacy"
  region           = "europe-west1"
  network          = "projects/acme/global/networks/vpc"
  ip_cidr_range    = "10.20.0.0/20"
  enable_flow_logs = false # expect: gcp-subnet-flow-logs
}
