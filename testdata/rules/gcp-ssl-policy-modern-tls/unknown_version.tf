# soc2gate-test: no findings
variable "min_tls_version" {
  type = string
}

resource "google_compute_ssl_policy" "web" {
  name            = "web"
  min_tls_version = var.min_tls_version # expect-undetermined: gcp-ssl-policy-modern-tls
}
