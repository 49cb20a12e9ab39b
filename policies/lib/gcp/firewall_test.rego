package soc2gate.lib.gcp.firewall_test

import data.soc2gate.lib.gcp.firewall
import data.soc2gate.lib.inputs_test as t

entries(resources) := found if {
	found := firewall.public_allows with input as t.input_of(resources)
}

fw(values) := t.resource("google_compute_firewall", "fw", object.union({"name": "fw", "network": "default", "source_ranges": ["0.0.0.0/0"]}, values))

test_allow_blocks_become_entries if {
	[a, b] := entries([fw({"allow": [{"protocol": "tcp", "ports": ["22", "8000-8080"]}, {"protocol": "icmp"}]})])
	a.block == "allow[0]"
	a.ports == [[22, 22], [8000, 8080]]
	firewall.opens_tcp_port(a, 22)
	firewall.opens_tcp_port(a, 8080)
	not firewall.opens_tcp_port(a, 3389)
	b.protocol == "icmp"
	b.ports == null
	not firewall.opens_tcp_port(b, 22)
}

test_tcp_without_ports_and_all_open_every_port if {
	[a, b] := entries([fw({"allow": [{"protocol": "tcp"}, {"protocol": "all"}]})])
	firewall.opens_tcp_port(a, 3389)
	firewall.opens_tcp_port(b, 22)
}

test_egress_disabled_and_narrow_rules_are_left_out if {
	allow := {"allow": [{"protocol": "tcp", "ports": ["22"]}]}
	entries([fw(object.union(allow, {"direction": "EGRESS"}))]) == []
	entries([fw(object.union(allow, {"disabled": true}))]) == []
	entries([fw(object.union(allow, {"source_ranges": ["10.0.0.0/8"]}))]) == []
}

test_unknown_values_are_left_out if {
	allow := {"allow": [{"protocol": "tcp", "ports": ["22"]}]}
	entries([t.with_unknown(fw(allow), ["direction"])]) == []
	entries([t.with_unknown(fw({"allow": [{"ports": ["22"]}]}), ["allow[0].protocol"])]) == []
	[e] := entries([t.with_unknown(fw({"allow": [{"protocol": "tcp"}]}), ["allow[0].ports"])])
	e.ports == []
	not firewall.opens_tcp_port(e, 22)
}
