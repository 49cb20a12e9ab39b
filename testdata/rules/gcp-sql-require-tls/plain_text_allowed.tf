# No ssl_mode: the default accepts unencrypted connections. An explicit mode that allows
# them is reported at the mode.
resource "google_sql_database_instance" "plain" {
  name             = "acme-main"
  database_version = "POSTGRES_16"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration { # expect: gcp-sql-require-tls
      ipv4_enabled = true
    }
  }
}

resource "google_sql_database_instance" "reporting" {
  name             = "acme-reporting"
  database_version = "MYSQL_8_0"
  region           = "europe-west1"

  settings {
    tier = "db-custom-2-7680"

    ip_configuration {
      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect: gcp-sql-require-tls
    }
  }
}
