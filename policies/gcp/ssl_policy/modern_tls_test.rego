package soc2gate.gcp.ssl_policy.modern_tls_test

import data.soc2gate.gcp.ssl_policy.modern_tls
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := modern_tls.deny with input as t.input_of(resources)
}

test_unset_fails_at_the_header if {
	found_for([t.resource("google_compute_ssl_policy", "p", {"name": "web"})]) == {{
		"resource": "google_compute_ssl_policy.p",
		"attribute": "",
		"message": `SSL policy "web" does not set min_tls_version, which defaults to TLS_1_0: clients may connect with TLS 1.0 or 1.1; set min_tls_version = "TLS_1_2"`,
	}}
}

test_old_versions_fail_at_the_attribute if {
	[v] := [x | some x in found_for([t.resource("google_compute_ssl_policy", "p", {"min_tls_version": "TLS_1_1"})])]
	v.attribute == "min_tls_version"
}

test_modern_versions_pass if {
	found_for([t.resource("google_compute_ssl_policy", "p", {"min_tls_version": "TLS_1_2"})]) == set()
	found_for([t.resource("google_compute_ssl_policy", "p", {"min_tls_version": "TLS_1_3"})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(t.resource("google_compute_ssl_policy", "p", {}), ["min_tls_version"])]) == set()
}
