package soc2gate.gcp.firewall.no_public_ssh_test

import data.soc2gate.gcp.firewall.no_public_ssh
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := no_public_ssh.deny with input as t.input_of(resources)
}

fw(values) := t.resource("google_compute_firewall", "fw", object.union({"name": "allow-ssh", "network": "default", "source_ranges": ["0.0.0.0/0"]}, values))

test_ssh_from_anywhere_fails_at_source_ranges if {
	found_for([fw({"allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["22"]}]})]) == {{
		"resource": "google_compute_firewall.fw",
		"attribute": "source_ranges",
		"message": `firewall "allow-ssh" opens SSH (tcp port 22) to the internet: allow[1] allows tcp 22 from 0.0.0.0/0; restrict source_ranges to trusted networks or use IAP`,
	}}
}

test_ranges_all_protocols_and_portless_tcp_fail_once_per_firewall if {
	[v] := [x | some x in found_for([fw({"allow": [{"protocol": "tcp", "ports": ["20-25"]}, {"protocol": "all"}]})])]
	contains(v.message, "allow[0] allows tcp 20-25")
	[w] := [x | some x in found_for([fw({"allow": [{"protocol": "tcp"}], "source_ranges": ["::/0"]})])]
	contains(w.message, "allows every tcp port from ::/0")
}

test_other_ports_protocols_ranges_and_egress_pass if {
	found_for([fw({"allow": [{"protocol": "tcp", "ports": ["443", "3389"]}, {"protocol": "udp", "ports": ["22"]}]})]) == set()
	found_for([fw({"allow": [{"protocol": "tcp", "ports": ["22"]}], "source_ranges": ["35.235.240.0/20"]})]) == set()
	found_for([fw({"allow": [{"protocol": "tcp", "ports": ["22"]}], "direction": "EGRESS"})]) == set()
}

test_unknown_values_stay_silent if {
	ranges := t.with_unknown(t.resource("google_compute_firewall", "r", {"allow": [{"protocol": "tcp", "ports": ["22"]}]}), ["source_ranges"])
	ports := t.with_unknown(fw({"allow": [{"protocol": "tcp"}]}), ["allow[0].ports"])
	found_for([ranges, ports]) == set()
}
