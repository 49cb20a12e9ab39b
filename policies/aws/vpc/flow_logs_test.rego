package soc2gate.aws.vpc.flow_logs_test

import data.soc2gate.aws.vpc.flow_logs
import data.soc2gate.lib.aws.inputs_test as t

main := t.resource("aws_vpc", "main", {"cidr_block": "10.0.0.0/16", "tags": {"Name": "acme-prod"}})

# `vpc_id = <vpc>.id`: unknown, with a reference.
flow_log(name, address) := t.with_unknown(t.with_refs(t.resource("aws_flow_log", name, {"traffic_type": "ALL"}), {"vpc_id": [address]}), ["vpc_id"])

found_for(resources) := found if {
	found := flow_logs.deny with input as t.input_of(resources)
}

test_vpc_without_flow_log_fails_at_the_header if {
	vpc := main
	found_for([vpc]) == {{
		"resource": "aws_vpc.main",
		"attribute": "",
		"message": `VPC "acme-prod" (10.0.0.0/16) has no flow log: no aws_flow_log references it in vpc_id; add one that records its traffic`,
	}}
}

test_vpc_with_flow_log_passes if {
	vpc := main
	found_for([vpc, flow_log("main", "aws_vpc.main")]) == set()
}

test_flow_log_of_another_vpc_does_not_count if {
	vpc := main
	other := t.resource("aws_vpc", "other", {"cidr_block": "10.1.0.0/16"})
	found := found_for([vpc, other, flow_log("other", "aws_vpc.other")])
	{v.resource | some v in found} == {"aws_vpc.main"}
}

test_flow_log_by_reference_covers_every_instance if {
	a := t.resource("aws_vpc", "spoke[0]", {"cidr_block": "10.0.0.0/16"})
	b := object.union(t.resource("aws_vpc", "spoke", {"cidr_block": "10.1.0.0/16"}), {"address": "aws_vpc.spoke[1]"})
	found_for([a, b, flow_log("spoke", "aws_vpc.spoke")]) == set()
}

test_vpc_without_name_or_cidr_is_described_by_address if {
	vpc := t.with_unknown(t.resource("aws_vpc", "ipam", {}), ["cidr_block"])
	[v] := [x | some x in found_for([vpc])]
	v.message == "VPC aws_vpc.ipam has no flow log: no aws_flow_log references it in vpc_id; add one that records its traffic"
}

test_subnet_and_interface_flow_logs_do_not_count if {
	vpc := main
	subnet := t.with_unknown(t.with_refs(t.resource("aws_flow_log", "subnet", {}), {"subnet_id": ["aws_subnet.a"]}), ["subnet_id"])
	eni := t.resource("aws_flow_log", "eni", {"eni_id": "eni-0123456789abcdef0"})
	count(found_for([vpc, subnet, eni])) == 1
}

test_unplaced_flow_log_keeps_every_vpc_quiet if {
	vpc := main
	variable := t.with_unknown(t.resource("aws_flow_log", "any", {}), ["vpc_id"])
	found_for([vpc, variable]) == set()
	module_output := flow_log("remote", "module.network")
	found_for([vpc, module_output]) == set()
	literal := t.resource("aws_flow_log", "literal", {"vpc_id": "vpc-0a1b2c3d4e5f60718"})
	found_for([vpc, literal]) == set()
}

test_flow_log_of_a_data_source_vpc_does_not_count if {
	vpc := main
	existing := t.data_source("aws_vpc", "shared", {"id": "vpc-0a1b2c3d4e5f60718"})
	by_ref := flow_log("shared", "data.aws_vpc.shared")
	by_id := t.resource("aws_flow_log", "shared_by_id", {"vpc_id": "vpc-0a1b2c3d4e5f60718"})
	count(found_for([vpc, existing, by_ref, by_id])) == 1
}

test_flow_log_of_the_default_vpc_does_not_count if {
	vpc := main
	default_vpc := t.resource("aws_default_vpc", "default", {})
	count(found_for([vpc, default_vpc, flow_log("default", "aws_default_vpc.default")])) == 1
}

test_data_source_vpcs_and_default_vpc_are_not_judged if {
	existing := t.data_source("aws_vpc", "shared", {"id": "vpc-0a1b2c3d4e5f60718"})
	default_vpc := t.resource("aws_default_vpc", "default", {})
	found_for([existing, default_vpc]) == set()
}

test_flow_log_data_sources_do_not_count if {
	vpc := main
	f := object.union(flow_log("main", "aws_vpc.main"), {"mode": "data", "address": "data.aws_flow_log.main"})
	count(found_for([vpc, f])) == 1
}
