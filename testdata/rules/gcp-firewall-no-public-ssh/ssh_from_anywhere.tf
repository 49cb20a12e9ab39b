resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: gcp-firewall-no-public-ssh
}

# Every protocol from anywhere over IPv6 opens SSH too (and RDP).
resource "google_compute_firewall" "all" {
  name    = "allow-all-v6"
  network = "default"

  allow {
    protocol = "all"
  }

  source_ranges = ["::/0"] # expect: gcp-firewall-no-public-ssh, gcp-firewall-no-public-rdp
}

resource "google_compute_firewall" "admin_ports" {
  name    = "allow-admin-ports"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["20-25", "8080"]
  }

  source_ranges = ["10.0.0.0/8", "0.0.0.0/0"] # expect: gcp-firewall-no-public-ssh
}
