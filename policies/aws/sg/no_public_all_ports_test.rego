package soc2gate.aws.sg.no_public_all_ports_test

import data.soc2gate.aws.sg.no_public_all_ports
import data.soc2gate.lib.aws.inputs_test as t

all := {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}

found_for(resources) := found if {
	found := no_public_all_ports.deny with input as t.input_of(resources)
}

test_all_protocols_from_anywhere_fails_at_the_cidrs if {
	r := t.resource("aws_security_group", "open", {"name": "open", "ingress": [all]})
	found_for([r]) == {{
		"resource": "aws_security_group.open",
		"attribute": "ingress[0].cidr_blocks",
		"message": `security group "open" ingress[0] opens every port to the internet: it allows all traffic from 0.0.0.0/0; allow only the ports the service needs`,
	}}
}

test_full_tcp_range_fails if {
	r := t.resource("aws_security_group_rule", "tcp", {"type": "ingress", "protocol": "tcp", "from_port": 1, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"]})
	found_for([r]) == {{
		"resource": "aws_security_group_rule.tcp",
		"attribute": "ipv6_cidr_blocks",
		"message": "security group rule aws_security_group_rule.tcp opens every port to the internet: it allows tcp ports 1-65535 from ::/0; allow only the ports the service needs",
	}}
}

test_vpc_ingress_rule_without_ports_fails if {
	r := t.resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": -1, "cidr_ipv4": "0.0.0.0/0"})
	[v] := [x | some x in found_for([r])]
	v.attribute == "cidr_ipv4"
}

test_narrower_ranges_and_networks_pass if {
	r := t.resource("aws_security_group", "web", {"ingress": [
		{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
		{"from_port": 1024, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
		{"from_port": -1, "to_port": -1, "protocol": "icmp", "cidr_blocks": ["0.0.0.0/0"]},
		object.union(all, {"cidr_blocks": ["10.0.0.0/8"]}),
	]})
	found_for([r]) == set()
}

test_egress_passes if {
	r := t.resource("aws_security_group", "web", {"egress": [all]})
	found_for([r]) == set()
}

test_unknown_values_stay_silent if {
	protocol := t.with_unknown(t.resource("aws_security_group", "p", {"ingress": [object.remove(all, ["protocol"])]}), ["ingress[0].protocol"])
	ports := t.with_unknown(t.resource("aws_security_group_rule", "ports", {"type": "ingress", "protocol": "tcp", "from_port": 0, "cidr_blocks": ["0.0.0.0/0"]}), ["to_port"])
	found_for([protocol, ports]) == set()
}
