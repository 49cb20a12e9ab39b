# soc2gate-test: no findings
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# An enhanced security policy: TLS 1.3 only.
resource "aws_api_gateway_domain_name" "strict" {
  domain_name              = "strict.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  security_policy          = "SecurityPolicy_TLS13_1_3_2025_09"
  endpoint_access_mode     = "STRICT"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# HTTP and WebSocket API domains accept only TLS_1_2: not checked.
resource "aws_apigatewayv2_domain_name" "ws" {
  domain_name = "ws.example.com"

  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
