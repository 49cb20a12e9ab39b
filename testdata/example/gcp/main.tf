# A Google Cloud project: a reports bucket shared with everyone, a database open to the
# internet without TLS, and a firewall rule that lets anyone reach SSH.
resource "google_storage_bucket" "reports" {
  name                        = "acme-billing-reports"
  location                    = "EU"
  public_access_prevention    = "enforced"
  uniform_bucket_level_access = true

  versioning {
    enabled = true
  }
}

resource "google_storage_bucket_iam_member" "reports_public" {
  bucket = google_storage_bucket.reports.name
  role   = "roles/storage.objectViewer"
  member = "allUsers" # expect: gcp-storage-no-public-access
}

resource "google_sql_database_instance" "billing" {
  name             = "acme-billing"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration { # expect: gcp-sql-require-tls
      authorized_networks {
        name  = "anywhere"
        value = "0.0.0.0/0" # expect: gcp-sql-no-public-network
      }
    }

    backup_configuration {
      enabled = true
    }
  }
}

resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = "default"

  allow {
    protocol = "tcp"
    ports    = ["22"]
  }

  source_ranges = ["0.0.0.0/0"] # expect: gcp-firewall-no-public-ssh
}
