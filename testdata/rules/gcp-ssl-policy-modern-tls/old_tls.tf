resource "google_compute_ssl_policy" "default_min" { # expect: gcp-ssl-policy-modern-tls
  name    = "compatible"
  profile = "COMPATIBLE"
}

resource "google_compute_ssl_policy" "tls11" {
  name            = "tls11"
  profile         = "MODERN"
  min_tls_version = "TLS_1_1" # expect: gcp-ssl-policy-modern-tls
}
