# Inside the block, a null `enforce_https` takes the provider's default (true), and a
# null TLS policy is left to the service's TLS 1.0 default.
resource "aws_opensearch_domain" "null_options" {
  domain_name = "search"

  domain_endpoint_options { # expect: aws-opensearch-https
    enforce_https       = null
    tls_security_policy = null
  }
}
