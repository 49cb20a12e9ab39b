package soc2gate.aws.lb.modern_tls_test

import data.soc2gate.aws.lb.modern_tls
import data.soc2gate.lib.aws.inputs_test as t

https(values) := t.resource("aws_lb_listener", "https", object.union({"port": 443, "protocol": "HTTPS", "default_action": [{"type": "forward"}]}, values))

found_for(l) := found if {
	found := modern_tls.deny with input as t.input_of([l])
}

# Deny with min_tls_version = "1.3".
found_13(l) := found if {
	found := modern_tls.deny with input as t.input_of([l]) with data.params as {"aws-lb-modern-tls": {"min_tls_version": "1.3"}}
}

test_unset_ssl_policy_fails_at_the_header if {
	found_for(https({})) == {{
		"resource": "aws_lb_listener.https",
		"attribute": "",
		"message": "HTTPS listener on port 443 has no ssl_policy: the default ELBSecurityPolicy-2016-08 accepts TLS 1.0; set a policy with a minimum of TLS 1.2 such as ELBSecurityPolicy-TLS13-1-2-2021-06",
	}}
}

test_old_policy_fails_at_ssl_policy if {
	found_for(https({"ssl_policy": "ELBSecurityPolicy-2016-08"})) == {{
		"resource": "aws_lb_listener.https",
		"attribute": "ssl_policy",
		"message": "HTTPS listener on port 443 uses ELBSecurityPolicy-2016-08, which accepts TLS 1.0; set a policy with a minimum of TLS 1.2 such as ELBSecurityPolicy-TLS13-1-2-2021-06",
	}}
}

test_tls12_policies_pass if {
	every policy in [
		"ELBSecurityPolicy-TLS13-1-2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
		"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
		"ELBSecurityPolicy-TLS13-1-3-2021-06",
		"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
		"ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
		"ELBSecurityPolicy-TLS-1-2-2017-01",
		"ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
		"ELBSecurityPolicy-FS-1-2-2019-08",
		"ELBSecurityPolicy-FS-1-2-Res-2019-08",
		"ELBSecurityPolicy-FS-1-2-Res-2020-10",
	] {
		found_for(https({"ssl_policy": policy})) == set()
	}
}

test_older_policies_fail if {
	every policy in [
		"ELBSecurityPolicy-2016-08",
		"ELBSecurityPolicy-2015-05",
		"ELBSecurityPolicy-TLS-1-0-2015-04",
		"ELBSecurityPolicy-TLS-1-1-2017-01",
		"ELBSecurityPolicy-FS-2018-06",
		"ELBSecurityPolicy-FS-1-1-2019-08",
		"ELBSecurityPolicy-TLS13-1-0-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-2021-06",
		"ELBSecurityPolicy-TLS13-1-1-PQ-2025-09",
	] {
		count(found_for(https({"ssl_policy": policy}))) == 1
	}
}

test_minimum_versions if {
	modern_tls.minimum_version("ELBSecurityPolicy-TLS13-1-3-2021-06") == 1.3
	modern_tls.minimum_version("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06") == 1.2
	modern_tls.minimum_version("ELBSecurityPolicy-TLS-1-1-2017-01") == 1.1
	modern_tls.minimum_version("ELBSecurityPolicy-FS-2018-06") == 1.0
	modern_tls.minimum_version("ELBSecurityPolicy-2015-05") == 1.0
	not modern_tls.minimum_version("my-policy")
}

test_unrecognized_policy_fails if {
	found_for(https({"ssl_policy": "CustomPolicy"})) == {{
		"resource": "aws_lb_listener.https",
		"attribute": "ssl_policy",
		"message": `HTTPS listener on port 443 uses "CustomPolicy", which is not an ELB security policy known to require TLS 1.2; use one such as ELBSecurityPolicy-TLS13-1-2-2021-06`,
	}}
}

test_tls_listener_is_judged_too if {
	l := t.resource("aws_lb_listener", "tls", {"port": 8443, "protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"})
	found_for(l) == {{
		"resource": "aws_lb_listener.tls",
		"attribute": "ssl_policy",
		"message": "TLS listener on port 8443 uses ELBSecurityPolicy-TLS-1-1-2017-01, which accepts TLS 1.1; set a policy with a minimum of TLS 1.2 such as ELBSecurityPolicy-TLS13-1-2-2021-06",
	}}
}

test_alb_listener_alias_is_judged if {
	l := t.resource("aws_alb_listener", "https", {"port": 443, "protocol": "HTTPS"})
	count(found_for(l)) == 1
}

test_http_and_unset_protocol_are_not_judged if {
	found_for(https({"protocol": "HTTP"})) == set()
	l := t.resource("aws_lb_listener", "x", {"port": 443, "ssl_policy": "ELBSecurityPolicy-2016-08"})
	found_for(l) == set()
}

test_unknown_ssl_policy_stays_silent if {
	l := t.with_unknown(https({}), ["ssl_policy"])
	found_for(l) == set()
}

test_unknown_protocol_stays_silent if {
	l := t.with_unknown(t.resource("aws_lb_listener", "x", {"port": 443}), ["protocol"])
	found_for(l) == set()
}

test_parameter_1_3_requires_tls13_only if {
	found_13(https({"ssl_policy": "ELBSecurityPolicy-TLS13-1-3-2021-06"})) == set()
	found_13(https({"ssl_policy": "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09"})) == set()
	found_13(https({"ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})) == {{
		"resource": "aws_lb_listener.https",
		"attribute": "ssl_policy",
		"message": "HTTPS listener on port 443 uses ELBSecurityPolicy-TLS13-1-2-2021-06, which accepts TLS 1.2; set a policy with a minimum of TLS 1.3 such as ELBSecurityPolicy-TLS13-1-3-2021-06",
	}}
	count(found_13(https({}))) == 1
}

test_parameter_may_be_a_number if {
	l := https({"ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})
	found := modern_tls.deny with input as t.input_of([l]) with data.params as {"aws-lb-modern-tls": {"min_tls_version": 1.3}}
	count(found) == 1
}

test_listener_data_sources_are_not_judged if {
	l := t.data_source("aws_lb_listener", "https", {"port": 443, "protocol": "HTTPS"})
	found_for(l) == set()
}

test_min_tls_version_must_be_1_2_or_1_3 if {
	modern_tls.invalid_params == set()
	modern_tls.invalid_params == set() with data.params as {"aws-lb-modern-tls": {"min_tls_version": "1.3"}}
	modern_tls.invalid_params == {`min_tls_version must be "1.2" or "1.3", not "1.1"`} with data.params as {"aws-lb-modern-tls": {"min_tls_version": "1.1"}}
	modern_tls.invalid_params == {`min_tls_version must be "1.2" or "1.3", not "TLS1.3"`} with data.params as {"aws-lb-modern-tls": {"min_tls_version": "TLS1.3"}}
}
