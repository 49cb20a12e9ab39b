# soc2gate-test: no findings
# The TLS policy comes from a variable without a default: the rule cannot know it.
variable "tls_security_policy" {
  type = string
}

resource "aws_opensearch_domain" "configurable" {
  domain_name    = "acme-configurable"
  engine_version = "OpenSearch_2.13"

  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = var.tls_security_policy # expect-undetermined: aws-opensearch-https
  }
}
