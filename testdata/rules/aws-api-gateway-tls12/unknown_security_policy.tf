# soc2gate-test: no findings
# The policy comes from a variable without a default: the rule cannot know it.
variable "security_policy" {
  type = string
}

resource "aws_api_gateway_domain_name" "configurable" {
  domain_name              = "configurable.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  security_policy          = var.security_policy # expect-undetermined: aws-api-gateway-tls12

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
