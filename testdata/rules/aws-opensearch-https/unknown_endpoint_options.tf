# soc2gate-test: no findings
# Whether the endpoint options block exists depends on a variable without a default: the
# rule cannot know, so it says nothing.
variable "endpoint_options" {
  type = list(object({ tls_security_policy = string }))
}

resource "aws_opensearch_domain" "dynamic" {
  domain_name    = "acme-dynamic"
  engine_version = "OpenSearch_2.13"

  dynamic "domain_endpoint_options" { # expect-undetermined: aws-opensearch-https
    for_each = var.endpoint_options
    content {
      enforce_https       = true
      tls_security_policy = domain_endpoint_options.value.tls_security_policy
    }
  }
}
