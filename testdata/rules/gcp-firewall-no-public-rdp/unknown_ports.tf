# soc2gate-test: no findings
variable "ports" {
  type = list(string)
}

resource "google_compute_firewall" "app" {
  name    = "allow-app"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = var.ports # expect-undetermined: gcp-firewall-no-public-rdp, gcp-firewall-no-public-ssh
  }

  source_ranges = ["0.0.0.0/0"]
}
