package soc2gate.aws.rds.deletion_protection_test

import data.soc2gate.aws.rds.deletion_protection
import data.soc2gate.lib.aws.inputs_test as t

instance(values) := t.resource("aws_db_instance", "orders", object.union({"identifier": "orders"}, values))

cluster(values) := t.resource("aws_rds_cluster", "orders", object.union({"cluster_identifier": "orders"}, values))

test_unset_fails_at_the_header if {
	r := instance({})
	found := deletion_protection.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "",
		"message": `RDS DB instance "orders" does not set deletion_protection, which defaults to false: the database can be deleted by a destroy or a replacement; set deletion_protection = true`,
	}}
}

test_disabled_fails_at_the_attribute if {
	c := cluster({"deletion_protection": false})
	found := deletion_protection.deny with input as t.input_of([c])
	found == {{
		"resource": "aws_rds_cluster.orders",
		"attribute": "deletion_protection",
		"message": `RDS cluster "orders" sets deletion_protection = false: the database can be deleted by a destroy or a replacement; set deletion_protection = true`,
	}}
}

test_disabled_as_a_string_fails if {
	r := instance({"deletion_protection": "false"})
	found := deletion_protection.deny with input as t.input_of([r])
	count(found) == 1
}

test_enabled_passes if {
	i := instance({"deletion_protection": true})
	c := cluster({"deletion_protection": "true"})
	found := deletion_protection.deny with input as t.input_of([i, c])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(instance({}), ["deletion_protection"])
	found := deletion_protection.deny with input as t.input_of([r])
	found == set()
}

test_cluster_members_are_exempt if {
	member := t.resource("aws_db_instance", "member", {"cluster_identifier": "orders"})
	aurora := t.resource("aws_rds_cluster_instance", "orders", {"cluster_identifier": "orders"})
	found := deletion_protection.deny with input as t.input_of([member, aurora])
	found == set()
}

test_read_replicas_are_judged if {
	r := t.resource("aws_db_instance", "replica", {"identifier": "orders-replica", "replicate_source_db": "orders"})
	found := deletion_protection.deny with input as t.input_of([r])
	count(found) == 1
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_rds_cluster", "existing", {"cluster_identifier": "existing"})
	found := deletion_protection.deny with input as t.input_of([r])
	found == set()
}
