package soc2gate.aws.api_gateway.tls12_test

import data.soc2gate.aws.api_gateway.tls12
import data.soc2gate.lib.aws.inputs_test as t

domain(values) := t.resource("aws_api_gateway_domain_name", "api", object.union({"domain_name": "api.example.com"}, values))

found_for(d) := found if {
	found := tls12.deny with input as t.input_of([d])
}

test_unset_policy_fails_at_the_header if {
	found_for(domain({})) == {{
		"resource": "aws_api_gateway_domain_name.api",
		"attribute": "",
		"message": `custom domain "api.example.com" has no security_policy: the API Gateway default TLS_1_0 accepts TLS 1.0; set security_policy = "TLS_1_2"`,
	}}
}

test_tls10_fails_at_the_attribute if {
	found_for(domain({"security_policy": "TLS_1_0"})) == {{
		"resource": "aws_api_gateway_domain_name.api",
		"attribute": "security_policy",
		"message": `custom domain "api.example.com" uses security_policy "TLS_1_0", which does not require TLS 1.2; set security_policy = "TLS_1_2"`,
	}}
}

test_unrecognized_policy_fails if {
	count(found_for(domain({"security_policy": "tls_1_2"}))) == 1
}

test_tls12_and_enhanced_policies_pass if {
	every policy in [
		"TLS_1_2",
		"SecurityPolicy_TLS13_1_3_2025_09",
		"SecurityPolicy_TLS13_1_3_FIPS_2025_09",
		"SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_FIPS_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_FIPS_PFS_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_PQ_2025_09",
		"SecurityPolicy_TLS13_1_2_2021_06",
		"SecurityPolicy_TLS13_2025_EDGE",
		"SecurityPolicy_TLS12_PFS_2025_EDGE",
		"SecurityPolicy_TLS12_2018_EDGE",
	] {
		found_for(domain({"security_policy": policy})) == set()
	}
}

test_unknown_policy_stays_silent if {
	found_for(t.with_unknown(domain({}), ["security_policy"])) == set()
}

test_domain_with_unknown_name_is_described_by_address if {
	d := t.with_unknown(t.resource("aws_api_gateway_domain_name", "api", {}), ["domain_name"])
	[v] := [x | some x in found_for(d)]
	startswith(v.message, "custom domain aws_api_gateway_domain_name.api has no security_policy")
}

test_domain_data_sources_are_not_judged if {
	found_for(t.data_source("aws_api_gateway_domain_name", "api", {"domain_name": "api.example.com"})) == set()
}

test_http_api_domains_are_not_judged if {
	d := t.resource("aws_apigatewayv2_domain_name", "api", {
		"domain_name": "ws.example.com",
		"domain_name_configuration": [{"endpoint_type": "REGIONAL", "security_policy": "TLS_1_2"}],
	})
	found_for(d) == set()
}
