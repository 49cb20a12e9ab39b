resource "google_sql_database_instance" "no_backups" {
  name             = "acme-main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings { # expect: gcp-sql-backups
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "reporting" {
  name             = "acme-reporting"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled = false # expect: gcp-sql-backups
    }
  }
}
