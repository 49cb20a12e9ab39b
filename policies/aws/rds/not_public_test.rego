package soc2gate.aws.rds.not_public_test

import data.soc2gate.aws.rds.not_public
import data.soc2gate.lib.aws.inputs_test as t

instance(values) := t.resource("aws_db_instance", "orders", object.union({"identifier": "orders"}, values))

test_public_instance_fails_at_the_attribute if {
	r := instance({"publicly_accessible": true})
	found := not_public.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "publicly_accessible",
		"message": `RDS DB instance "orders" sets publicly_accessible = true: its endpoint resolves to a public IP address reachable from the internet; set publicly_accessible = false`,
	}}
}

test_public_as_a_string_fails if {
	r := instance({"publicly_accessible": "true"})
	found := not_public.deny with input as t.input_of([r])
	count(found) == 1
}

test_public_cluster_instance_fails if {
	r := t.resource("aws_rds_cluster_instance", "orders", {"identifier": "orders-1", "cluster_identifier": "orders", "publicly_accessible": true})
	found := not_public.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.resource == "aws_rds_cluster_instance.orders"
	startswith(v.message, `RDS cluster instance "orders-1" sets publicly_accessible = true`)
}

test_public_cluster_fails if {
	r := t.resource("aws_rds_cluster", "orders", {"cluster_identifier": "orders", "publicly_accessible": true})
	found := not_public.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, `RDS cluster "orders" sets publicly_accessible = true`)
}

test_unset_passes if {
	r := instance({})
	found := not_public.deny with input as t.input_of([r])
	found == set()
}

test_private_passes if {
	r := instance({"publicly_accessible": false})
	found := not_public.deny with input as t.input_of([r])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(instance({}), ["publicly_accessible"])
	found := not_public.deny with input as t.input_of([r])
	found == set()
}

test_replicas_and_cluster_members_are_judged if {
	replica := t.resource("aws_db_instance", "replica", {"replicate_source_db": "orders", "publicly_accessible": true})
	member := t.resource("aws_db_instance", "member", {"cluster_identifier": "orders", "publicly_accessible": true})
	found := not_public.deny with input as t.input_of([replica, member])
	count(found) == 2
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_db_instance", "existing", {"identifier": "existing", "publicly_accessible": true})
	found := not_public.deny with input as t.input_of([r])
	found == set()
}
