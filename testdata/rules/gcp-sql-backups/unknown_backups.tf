# soc2gate-test: no findings
variable "backups_enabled" {
  type = bool
}

resource "google_sql_database_instance" "configurable" {
  name             = "acme-main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    backup_configuration {
      enabled = var.backups_enabled # expect-undetermined: gcp-sql-backups
    }
  }
}
