package soc2gate.aws.opensearch.https_test

import data.soc2gate.aws.opensearch.https
import data.soc2gate.lib.aws.inputs_test as t

domain(options) := t.resource("aws_opensearch_domain", "search", {
	"domain_name": "search",
	"domain_endpoint_options": options,
})

good := {"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-2-PFS-2023-10"}

found_for(d) := found if {
	found := https.deny with input as t.input_of([d])
}

test_domain_without_endpoint_options_fails_at_the_header if {
	d := t.resource("aws_opensearch_domain", "search", {"domain_name": "search"})
	found_for(d) == {{
		"resource": "aws_opensearch_domain.search",
		"attribute": "",
		"message": `domain "search" has no domain_endpoint_options: the service defaults accept plain HTTP and TLS 1.0 (Policy-Min-TLS-1-0-2019-07); add domain_endpoint_options with enforce_https = true and tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"`,
	}}
}

test_https_not_enforced_fails_at_enforce_https if {
	found_for(domain([object.union(good, {"enforce_https": false})])) == {{
		"resource": "aws_opensearch_domain.search",
		"attribute": "domain_endpoint_options[0].enforce_https",
		"message": `domain "search" does not enforce HTTPS (enforce_https = false): plain HTTP is accepted; set enforce_https = true`,
	}}
}

test_unset_tls_policy_fails_at_the_block if {
	found_for(domain([{"enforce_https": true}])) == {{
		"resource": "aws_opensearch_domain.search",
		"attribute": "domain_endpoint_options[0]",
		"message": `domain "search" has no tls_security_policy: the service default Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0; set tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"`,
	}}
}

test_tls10_policy_fails_at_the_attribute if {
	found_for(domain([{"enforce_https": true, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}])) == {{
		"resource": "aws_opensearch_domain.search",
		"attribute": "domain_endpoint_options[0].tls_security_policy",
		"message": `domain "search" uses tls_security_policy "Policy-Min-TLS-1-0-2019-07", which does not require TLS 1.2; set tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"`,
	}}
}

test_both_problems_are_reported if {
	found := found_for(domain([{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}]))
	{v.attribute | some v in found} == {"domain_endpoint_options[0].enforce_https", "domain_endpoint_options[0].tls_security_policy"}
}

test_tls12_policies_pass if {
	every policy in ["Policy-Min-TLS-1-2-2019-07", "Policy-Min-TLS-1-2-PFS-2023-10", "Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08"] {
		found_for(domain([{"enforce_https": true, "tls_security_policy": policy}])) == set()
	}
}

test_unset_enforce_https_takes_the_default_true if {
	found_for(domain([{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}])) == set()
}

test_elasticsearch_domains_are_judged_too if {
	d := t.resource("aws_elasticsearch_domain", "legacy", {
		"domain_name": "legacy",
		"domain_endpoint_options": [{"enforce_https": false, "tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}],
	})
	[v] := [x | some x in found_for(d)]
	v.resource == "aws_elasticsearch_domain.legacy"
	v.attribute == "domain_endpoint_options[0].enforce_https"
}

test_unknown_values_stay_silent if {
	found_for(t.with_unknown(domain([{"enforce_https": true}]), ["domain_endpoint_options[0].tls_security_policy"])) == set()
	found_for(t.with_unknown(domain([good]), ["domain_endpoint_options[0].enforce_https"])) == set()
	d := t.with_unknown(t.resource("aws_opensearch_domain", "search", {"domain_name": "search"}), ["domain_endpoint_options"])
	found_for(d) == set()
}

test_domain_with_unknown_name_is_described_by_address if {
	d := t.with_unknown(t.resource("aws_opensearch_domain", "search", {}), ["domain_name"])
	[v] := [x | some x in found_for(d)]
	startswith(v.message, "domain aws_opensearch_domain.search has no domain_endpoint_options")
}

test_domain_data_sources_are_not_judged if {
	found_for(t.data_source("aws_opensearch_domain", "search", {"domain_name": "search"})) == set()
}
