resource "google_compute_firewall" "rdp" {
  name    = "allow-rdp"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["3389"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: gcp-firewall-no-public-rdp
}

# tcp without ports opens every tcp port (SSH too).
resource "google_compute_firewall" "tcp" {
  name    = "allow-tcp"
  network = "default"

  allow {
    protocol = "tcp"
  }

  source_ranges = ["0.0.0.0/0"] # expect: gcp-firewall-no-public-rdp, gcp-firewall-no-public-ssh
}
