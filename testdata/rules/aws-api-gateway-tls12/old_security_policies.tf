# soc2gate-doc: failing example
# No security_policy: API Gateway's default TLS_1_0 still accepts TLS 1.0.
resource "aws_api_gateway_domain_name" "default_policy" { # expect: aws-api-gateway-tls12
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "legacy" {
  domain_name     = "legacy.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d"
  security_policy = "TLS_1_0" # expect: aws-api-gateway-tls12

  endpoint_configuration {
    types = ["EDGE"]
  }
}
