# soc2gate-test: no findings
variable "admin_ranges" {
  type = list(string)
}

resource "google_compute_firewall" "configurable" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = var.admin_ranges # expect-undetermined: gcp-firewall-no-public-rdp, gcp-firewall-no-public-ssh
}
