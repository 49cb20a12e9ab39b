package soc2gate.lib.aws.sg_test

import data.soc2gate.lib.aws.inputs_test as t
import data.soc2gate.lib.aws.sg

ssh_block := {"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}

group(values) := t.resource("aws_security_group", "web", values)

entries(resources) := found if {
	found := sg.public_ingress with input as t.input_of(resources)
}

test_inline_blocks_become_one_entry_each if {
	r := group({"name": "web", "ingress": [
		{"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"]},
		ssh_block,
	]})
	[e] := entries([r])
	e.block == "ingress[1]"
	e.attribute == "ingress[1].cidr_blocks"
	e.cidr_attribute == "cidr_blocks"
	e.cidrs == ["0.0.0.0/0"]
	e.protocol == "tcp"
	e.ports == [22, 22]
	sg.describe(e) == `security group "web" ingress[1]`
	sg.traffic(e) == "tcp port 22"
	sg.sources(e) == "0.0.0.0/0"
}

test_ipv4_is_blamed_before_ipv6 if {
	r := group({"ingress": [object.union(ssh_block, {"ipv6_cidr_blocks": ["::/0"]})]})
	[e] := entries([r])
	e.attribute == "ingress[0].cidr_blocks"
	e.cidrs == ["0.0.0.0/0", "::/0"]
	sg.sources(e) == "0.0.0.0/0 and ::/0"
	sg.describe(e) == "security group aws_security_group.web ingress[0]"
}

test_ipv6_only if {
	r := group({"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["::/0"]}]})
	[e] := entries([r])
	e.attribute == "ingress[0].ipv6_cidr_blocks"
	e.cidrs == ["::/0"]
}

test_egress_is_not_ingress if {
	r := group({"egress": [{"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}]})
	rule := t.resource("aws_security_group_rule", "out", {"type": "egress", "from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]})
	entries([r, rule]) == []
}

test_security_group_rule if {
	r := t.resource("aws_security_group_rule", "ssh", object.union(ssh_block, {"type": "ingress"}))
	[e] := entries([r])
	e.block == ""
	e.attribute == "cidr_blocks"
	sg.describe(e) == "security group rule aws_security_group_rule.ssh"
}

test_security_group_rule_with_unknown_type_is_left_out if {
	r := t.with_unknown(t.resource("aws_security_group_rule", "ssh", ssh_block), ["type"])
	entries([r]) == []
}

test_vpc_ingress_rule if {
	r := t.resource("aws_vpc_security_group_ingress_rule", "ssh", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv6": "::/0"})
	[e] := entries([r])
	e.attribute == "cidr_ipv6"
	e.cidr_attribute == "cidr_ipv6"
	e.cidrs == ["::/0"]
	sg.describe(e) == "ingress rule aws_vpc_security_group_ingress_rule.ssh"
}

test_vpc_ingress_rule_all_protocols_without_ports if {
	r := t.resource("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	[e] := entries([r])
	e.protocol == "all"
	e.ports == null
	sg.opens_all_ports(e)
	sg.opens_port(e, 22, {"tcp"})
	sg.traffic(e) == "all traffic"
}

test_narrow_cidrs_are_left_out if {
	r := group({"ingress": [{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/1"]}]})
	v := t.resource("aws_vpc_security_group_ingress_rule", "x", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "192.0.2.0/24"})
	entries([r, v]) == []
}

test_unknown_element_beside_anywhere_is_open if {
	r := t.with_unknown(group({"ingress": [object.union(ssh_block, {"cidr_blocks": [null, "0.0.0.0/0"]})]}), ["ingress[0].cidr_blocks[0]"])
	[e] := entries([r])
	e.cidrs == ["0.0.0.0/0"]
}

test_unknown_cidrs_protocol_or_block_are_left_out if {
	cidrs := t.with_unknown(group({"ingress": [object.remove(ssh_block, ["cidr_blocks"])]}), ["ingress[0].cidr_blocks"])
	protocol := t.with_unknown(t.resource("aws_security_group", "p", {"ingress": [object.remove(ssh_block, ["protocol"])]}), ["ingress[0].protocol"])
	block := t.with_unknown(t.resource("aws_security_group", "b", {}), ["ingress"])
	element := t.with_unknown(t.resource("aws_security_group", "e", {"ingress": [null]}), ["ingress[0]"])
	entries([cidrs, protocol, block, element]) == []
}

test_unknown_ports_give_no_range if {
	r := t.with_unknown(group({"ingress": [object.remove(ssh_block, ["from_port"])]}), ["ingress[0].from_port"])
	[e] := entries([r])
	e.ports == null
	not sg.opens_port(e, 22, {"tcp"})
	not sg.opens_all_ports(e)
}

test_data_sources_are_left_out if {
	r := t.data_source("aws_security_group", "existing", {"ingress": [ssh_block]})
	entries([r]) == []
}

test_protocol_aliases if {
	sg.protocol("-1") == "all"
	sg.protocol(-1) == "all"
	sg.protocol("all") == "all"
	sg.protocol("ALL") == "all"
	sg.protocol("6") == "tcp"
	sg.protocol(6) == "tcp"
	sg.protocol("TCP") == "tcp"
	sg.protocol("17") == "udp"
	sg.protocol("udp") == "udp"
	sg.protocol("icmp") == "icmp"
	sg.protocol("50") == "50"
	not sg.protocol(null)
}

test_string_ports_are_read_as_numbers if {
	r := group({"ingress": [object.union(ssh_block, {"from_port": "20", "to_port": "25"})]})
	[e] := entries([r])
	e.ports == [20, 25]
	sg.traffic(e) == "tcp ports 20-25"
}

test_opens_port if {
	e := {"protocol": "tcp", "ports": [20, 25]}
	sg.opens_port(e, 22, {"tcp"})
	not sg.opens_port(e, 26, {"tcp"})
	not sg.opens_port(e, 22, {"udp"})
	not sg.opens_port({"protocol": "icmp", "ports": [-1, -1]}, 22, {"tcp"})
	sg.opens_port({"protocol": "all", "ports": [0, 0]}, 3389, {"tcp", "udp"})
	sg.opens_port({"protocol": "udp", "ports": [3389, 3389]}, 3389, {"tcp", "udp"})
}

test_opens_all_ports if {
	sg.opens_all_ports({"protocol": "tcp", "ports": [0, 65535]})
	sg.opens_all_ports({"protocol": "udp", "ports": [1, 65535]})
	not sg.opens_all_ports({"protocol": "tcp", "ports": [2, 65535]})
	not sg.opens_all_ports({"protocol": "tcp", "ports": [0, 65534]})
	not sg.opens_all_ports({"protocol": "icmp", "ports": [-1, -1]})
	not sg.opens_all_ports({"protocol": "tcp", "ports": null})
}
