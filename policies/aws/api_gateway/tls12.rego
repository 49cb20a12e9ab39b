# METADATA
# title: API Gateway custom domains require TLS 1.2 or newer
# description: >-
#   An `aws_api_gateway_domain_name` (a REST API custom domain) must set
#   `security_policy = "TLS_1_2"` or one of the enhanced `SecurityPolicy_TLS13_*` /
#   `SecurityPolicy_TLS12_*` policies, which all require TLS 1.2 or newer. When
#   `security_policy` is unset the provider leaves the choice to API Gateway, whose
#   default `TLS_1_0` still accepts TLS 1.0: the domain is reported, as is `TLS_1_0` or
#   any name that is not a known TLS 1.2+ policy. A value that cannot be known statically
#   is not judged, and data sources are not judged. `aws_apigatewayv2_domain_name`
#   (HTTP and WebSocket APIs) is not checked: its `security_policy` is required and API
#   Gateway accepts only `TLS_1_2` there, so it cannot be weaker.
# custom:
#   id: aws-api-gateway-tls12
#   severity: medium
#   controls: [CC6.7]
#   resource_types: [aws_api_gateway_domain_name]
#   remediation: |
#     Set a TLS 1.2 security policy on the custom domain:
#
#     ```hcl
#     resource "aws_api_gateway_domain_name" "api" {
#       domain_name              = "api.example.com"
#       regional_certificate_arn = aws_acm_certificate_validation.api.certificate_arn
#       security_policy          = "TLS_1_2"
#
#       endpoint_configuration {
#         types = ["REGIONAL"]
#       }
#     }
#     ```
package soc2gate.aws.api_gateway.tls12

import data.soc2gate.lib.core

deny contains v if {
	some d in _domains
	core.unset(d, ["security_policy"])
	v := core.violation(d, "", sprintf(
		`%s has no security_policy: the API Gateway default TLS_1_0 accepts TLS 1.0; set security_policy = "TLS_1_2"`,
		[_describe(d)],
	))
}

deny contains v if {
	some d in _domains
	core.known(d, ["security_policy"])
	policy := core.get(d, ["security_policy"])
	not tls12_or_newer(policy)
	v := core.violation(d, "security_policy", sprintf(
		`%s uses security_policy %q, which does not require TLS 1.2; set security_policy = "TLS_1_2"`,
		[_describe(d), policy],
	))
}

# The legacy TLS_1_2 policy and the enhanced policies (SecurityPolicy_TLS13_1_3_2025_09,
# SecurityPolicy_TLS13_1_2_2021_06, SecurityPolicy_TLS12_2018_EDGE, ...) accept TLS 1.2
# at the oldest.
tls12_or_newer(policy) if policy == "TLS_1_2"

tls12_or_newer(policy) if regex.match(`^SecurityPolicy_TLS1[23]_`, policy)

_domains := [d |
	some d in core.resources("aws_api_gateway_domain_name")
	d.mode == "managed"
]

# How a message names a custom domain: its name when known, else its address.
_describe(d) := sprintf("custom domain %q", [name]) if {
	name := object.get(d.values, "domain_name", null)
	is_string(name)
}

_describe(d) := sprintf("custom domain %s", [d.address]) if not is_string(object.get(d.values, "domain_name", null))

# What the rule could not judge: a security_policy that cannot be known.
undetermined contains v if {
	some d in _domains
	some v in core.unknown_at(d, [["security_policy"]])
}
