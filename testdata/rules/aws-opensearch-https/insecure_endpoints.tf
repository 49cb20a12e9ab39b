# soc2gate-doc: failing example
# No endpoint options: plain HTTP and TLS 1.0 are accepted.
resource "aws_opensearch_domain" "defaults" { # expect: aws-opensearch-https
  domain_name    = "acme-defaults"
  engine_version = "OpenSearch_2.13"

  cluster_config {
    instance_type = "r6g.large.search"
  }
}

resource "aws_opensearch_domain" "plain_http" {
  domain_name    = "acme-plain-http"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = false # expect: aws-opensearch-https
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}

resource "aws_opensearch_domain" "old_tls" {
  domain_name    = "acme-old-tls"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07" # expect: aws-opensearch-https
  }
}

# enforce_https defaults to true in the block, but the TLS policy is left to the service,
# whose default accepts TLS 1.0.
resource "aws_elasticsearch_domain" "legacy" {
  domain_name           = "acme-legacy"
  elasticsearch_version = "7.10"

  domain_endpoint_options { # expect: aws-opensearch-https
    custom_endpoint_enabled = false
  }
}
