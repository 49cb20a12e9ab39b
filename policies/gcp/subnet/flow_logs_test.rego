package soc2gate.gcp.subnet.flow_logs_test

import data.soc2gate.gcp.subnet.flow_logs
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := flow_logs.deny with input as t.input_of(resources)
}

test_no_log_config_fails_at_the_header if {
	found_for([t.resource("google_compute_subnetwork", "s", {"name": "app"})]) == {{
		"resource": "google_compute_subnetwork.s",
		"attribute": "",
		"message": `subnet "app" has no log_config block, so VPC flow logs are off; add log_config { ... } to record its connections`,
	}}
}

test_old_flag_false_fails_there if {
	[v] := [x | some x in found_for([t.resource("google_compute_subnetwork", "s", {"enable_flow_logs": false})])]
	v.attribute == "enable_flow_logs"
}

test_log_config_or_old_flag_passes if {
	found_for([t.resource("google_compute_subnetwork", "s", {"log_config": [{"flow_sampling": 0.5}]})]) == set()
	found_for([t.resource("google_compute_subnetwork", "s", {"enable_flow_logs": true})]) == set()
}

test_proxy_only_subnets_are_exempt if {
	found_for([t.resource("google_compute_subnetwork", "s", {"purpose": "REGIONAL_MANAGED_PROXY"})]) == set()
	count(found_for([t.resource("google_compute_subnetwork", "s", {"purpose": "PRIVATE"})])) == 1
}

test_unknown_stays_silent if {
	block := t.with_unknown(t.resource("google_compute_subnetwork", "b", {}), ["log_config"])
	purpose := t.with_unknown(t.resource("google_compute_subnetwork", "p", {}), ["purpose"])
	found_for([block, purpose]) == set()
}
