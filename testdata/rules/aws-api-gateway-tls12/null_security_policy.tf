# A null argument is an unset argument: API Gateway's default TLS_1_0 applies.
variable "null_security_policy" {
  type    = string
  default = null
}

resource "aws_api_gateway_domain_name" "null_policy" { # expect: aws-api-gateway-tls12
  domain_name     = "api.example.com"
  security_policy = var.null_security_policy
}
