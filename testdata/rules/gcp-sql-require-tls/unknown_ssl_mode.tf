# soc2gate-test: no findings
variable "ssl_mode" {
  type = string
}

resource "google_sql_database_instance" "configurable" {
  name             = "acme-main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ssl_mode = var.ssl_mode # expect-undetermined: gcp-sql-require-tls
    }
  }
}
