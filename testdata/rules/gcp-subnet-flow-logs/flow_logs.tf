# soc2gate-test: no findings
# Flow logs on; a proxy-only subnet cannot log flows.
resource "google_compute_subnetwork" "app" {
  name          = "app"
  region        = "europe-west1"
  network       = "projects/acme/global/networks/vpc"
  ip_cidr_range = "10.10.0.0/20"

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

resource "google_compute_subnetwork" "proxy" {
  name          = "proxy-only"
  region        = "europe-west1"
  network       = "projects/acme/global/networks/vpc"
  ip_cidr_range = "10.129.0.0/23"
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}
