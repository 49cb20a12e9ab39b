package soc2gate.aws.sg.no_public_rdp_test

import data.soc2gate.aws.sg.no_public_rdp
import data.soc2gate.lib.aws.inputs_test as t

rdp := {"from_port": 3389, "to_port": 3389, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}

found_for(resources) := found if {
	found := no_public_rdp.deny with input as t.input_of(resources)
}

test_inline_rdp_from_anywhere_fails_at_the_cidrs if {
	r := t.resource("aws_security_group", "windows", {"name": "windows", "ingress": [rdp]})
	found_for([r]) == {{
		"resource": "aws_security_group.windows",
		"attribute": "ingress[0].cidr_blocks",
		"message": `security group "windows" ingress[0] opens RDP (port 3389) to the internet: it allows tcp port 3389 from 0.0.0.0/0; restrict cidr_blocks to trusted networks`,
	}}
}

test_rdp_over_udp_fails if {
	r := t.resource("aws_vpc_security_group_ingress_rule", "rdp_udp", {"ip_protocol": "udp", "from_port": 3389, "to_port": 3389, "cidr_ipv6": "::/0"})
	found_for([r]) == {{
		"resource": "aws_vpc_security_group_ingress_rule.rdp_udp",
		"attribute": "cidr_ipv6",
		"message": "ingress rule aws_vpc_security_group_ingress_rule.rdp_udp opens RDP (port 3389) to the internet: it allows udp port 3389 from ::/0; restrict cidr_ipv6 to trusted networks",
	}}
}

test_range_and_all_protocols_fail if {
	range := t.resource("aws_security_group_rule", "range", object.union(rdp, {"type": "ingress", "protocol": "17", "from_port": 3000, "to_port": 4000}))
	all := t.resource("aws_security_group_rule", "all", object.union(rdp, {"type": "ingress", "protocol": "all", "from_port": 0, "to_port": 65535}))
	found := found_for([range, all])
	{[v.resource, v.attribute] | some v in found} == {["aws_security_group_rule.range", "cidr_blocks"], ["aws_security_group_rule.all", "cidr_blocks"]}
}

test_other_ports_and_networks_pass if {
	r := t.resource("aws_security_group", "web", {"ingress": [
		object.union(rdp, {"from_port": 3390, "to_port": 3399}),
		object.union(rdp, {"protocol": "icmp", "from_port": -1, "to_port": -1}),
		object.union(rdp, {"cidr_blocks": ["10.0.0.0/8"]}),
	]})
	found_for([r]) == set()
}

test_egress_passes if {
	rule := t.resource("aws_security_group_rule", "out", object.union(rdp, {"type": "egress"}))
	found_for([rule]) == set()
}

test_unknown_values_stay_silent if {
	port := t.with_unknown(t.resource("aws_security_group", "port", {"ingress": [object.remove(rdp, ["from_port"])]}), ["ingress[0].from_port"])
	cidrs := t.with_unknown(t.resource("aws_vpc_security_group_ingress_rule", "cidrs", {"ip_protocol": "tcp", "from_port": 3389, "to_port": 3389}), ["cidr_ipv4"])
	found_for([port, cidrs]) == set()
}
