# soc2gate-test: no findings
# Backups on for the primary; its read replica cannot take backups of its own.
resource "google_sql_database_instance" "main" {
  name             = "acme-main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}

resource "google_sql_database_instance" "replica" {
  name                 = "acme-main-replica"
  master_instance_name = google_sql_database_instance.main.name
  database_version     = "POSTGRES_16"
  region               = "europe-west1"

  replica_configuration {
    failover_target = false
  }

  settings {
    tier = "db-custom-2-7680"
  }
}
