package soc2gate.aws.sg.no_public_ssh_test

import data.soc2gate.aws.sg.no_public_ssh
import data.soc2gate.lib.aws.inputs_test as t

ssh := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}

found_for(resources) := found if {
	found := no_public_ssh.deny with input as t.input_of(resources)
}

test_inline_ssh_from_anywhere_fails_at_the_cidrs if {
	r := t.resource("aws_security_group", "bastion", {"name": "bastion", "ingress": [
		{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
		ssh,
	]})
	found_for([r]) == {{
		"resource": "aws_security_group.bastion",
		"attribute": "ingress[1].cidr_blocks",
		"message": `security group "bastion" ingress[1] opens SSH (port 22) to the internet: it allows tcp port 22 from 0.0.0.0/0; restrict cidr_blocks to trusted networks or use Session Manager`,
	}}
}

test_security_group_rule_fails if {
	r := t.resource("aws_security_group_rule", "ssh", object.union(ssh, {"type": "ingress", "protocol": "6", "from_port": 0, "to_port": 1024, "cidr_blocks": [], "ipv6_cidr_blocks": ["::/0"]}))
	found_for([r]) == {{
		"resource": "aws_security_group_rule.ssh",
		"attribute": "ipv6_cidr_blocks",
		"message": "security group rule aws_security_group_rule.ssh opens SSH (port 22) to the internet: it allows tcp ports 0-1024 from ::/0; restrict ipv6_cidr_blocks to trusted networks or use Session Manager",
	}}
}

test_vpc_ingress_rule_all_protocols_fails if {
	r := t.resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	found_for([r]) == {{
		"resource": "aws_vpc_security_group_ingress_rule.all",
		"attribute": "cidr_ipv4",
		"message": "ingress rule aws_vpc_security_group_ingress_rule.all opens SSH (port 22) to the internet: it allows all traffic from 0.0.0.0/0; restrict cidr_ipv4 to trusted networks or use Session Manager",
	}}
}

test_one_finding_per_rule_open_on_both_families if {
	r := t.resource("aws_security_group", "web", {"ingress": [object.union(ssh, {"ipv6_cidr_blocks": ["::/0"]})]})
	[v] := [x | some x in found_for([r])]
	v.attribute == "ingress[0].cidr_blocks"
	contains(v.message, "from 0.0.0.0/0 and ::/0")
}

test_each_offending_rule_is_reported if {
	r := t.resource("aws_security_group", "web", {"ingress": [ssh, object.union(ssh, {"protocol": "-1", "from_port": 0, "to_port": 0})]})
	found := found_for([r])
	{v.attribute | some v in found} == {"ingress[0].cidr_blocks", "ingress[1].cidr_blocks"}
}

test_other_ports_protocols_and_networks_pass if {
	r := t.resource("aws_security_group", "web", {"ingress": [
		object.union(ssh, {"from_port": 443, "to_port": 443}),
		object.union(ssh, {"from_port": 23, "to_port": 65535}),
		object.union(ssh, {"protocol": "udp"}),
		object.union(ssh, {"protocol": "icmp", "from_port": -1, "to_port": -1}),
		object.union(ssh, {"cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["2001:db8::/32"]}),
	]})
	v := t.resource("aws_vpc_security_group_ingress_rule", "vpn", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "10.20.0.0/16"})
	found_for([r, v]) == set()
}

test_egress_passes if {
	r := t.resource("aws_security_group", "web", {"egress": [ssh]})
	rule := t.resource("aws_security_group_rule", "out", object.union(ssh, {"type": "egress"}))
	found_for([r, rule]) == set()
}

test_unknown_values_stay_silent if {
	cidrs := t.with_unknown(t.resource("aws_security_group_rule", "cidrs", object.remove(object.union(ssh, {"type": "ingress"}), ["cidr_blocks"])), ["cidr_blocks"])
	port := t.with_unknown(t.resource("aws_security_group_rule", "port", object.remove(object.union(ssh, {"type": "ingress"}), ["to_port"])), ["to_port"])
	protocol := t.with_unknown(t.resource("aws_vpc_security_group_ingress_rule", "protocol", {"from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"}), ["ip_protocol"])
	kind := t.with_unknown(t.resource("aws_security_group_rule", "kind", ssh), ["type"])
	blocks := t.with_unknown(t.resource("aws_security_group", "dynamic", {}), ["ingress"])
	found_for([cidrs, port, protocol, kind, blocks]) == set()
}

test_known_anywhere_beside_an_unknown_element_fails if {
	r := t.with_unknown(t.resource("aws_security_group_rule", "ssh", object.union(ssh, {"type": "ingress", "cidr_blocks": ["0.0.0.0/0", null]})), ["cidr_blocks[1]"])
	count(found_for([r])) == 1
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_security_group", "existing", {"ingress": [ssh]})
	found_for([r]) == set()
}
