package soc2gate.gcp.firewall.no_public_rdp_test

import data.soc2gate.gcp.firewall.no_public_rdp
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_rdp.deny with input as t.input_of(resources)
}

fw(values) := t.resource("google_compute_firewall", "fw", object.union({"name": "allow-rdp", "network": "default", "source_ranges": ["0.0.0.0/0"]}, values))

test_rdp_from_anywhere_fails_at_source_ranges if {
	found_for([fw({"allow": [{"protocol": "tcp", "ports": ["3389"]}]})]) == {{
		"resource": "google_compute_firewall.fw",
		"attribute": "source_ranges",
		"message": `firewall "allow-rdp" opens RDP (tcp port 3389) to the internet: allow[0] allows tcp 3389 from 0.0.0.0/0; restrict source_ranges to trusted networks or use IAP`,
	}}
}

test_ssh_only_passes if {
	found_for([fw({"allow": [{"protocol": "tcp", "ports": ["22"]}]})]) == set()
}

test_disabled_rule_passes if {
	found_for([fw({"allow": [{"protocol": "all"}], "disabled": true})]) == set()
}

test_unknown_protocol_stays_silent if {
	r := t.with_unknown(fw({"allow": [{"ports": ["3389"]}]}), ["allow[0].protocol"])
	found_for([r]) == set()
}
