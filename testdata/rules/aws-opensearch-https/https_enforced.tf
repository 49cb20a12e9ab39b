# soc2gate-test: no findings
resource "aws_opensearch_domain" "search" {
  domain_name    = "acme-search"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}

# enforce_https unset inside the block: the provider's default is true.
resource "aws_elasticsearch_domain" "logs" {
  domain_name           = "acme-logs"
  elasticsearch_version = "7.10"

  domain_endpoint_options {
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

# An existing domain read as a data source is not judged.
data "aws_opensearch_domain" "existing" {
  domain_name = "acme-existing"
}
