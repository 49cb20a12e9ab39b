package soc2gate.aws.rds.encryption_test

import data.soc2gate.aws.rds.encryption
import data.soc2gate.lib.aws.inputs_test as t

instance(values) := t.resource("aws_db_instance", "orders", object.union({"identifier": "orders", "engine": "postgres"}, values))

cluster(values) := t.resource("aws_rds_cluster", "orders", object.union({"cluster_identifier": "orders", "engine": "aurora-postgresql"}, values))

test_unset_instance_fails_at_the_header if {
	r := instance({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "",
		"message": `RDS DB instance "orders" does not set storage_encrypted, which defaults to false: its storage is not encrypted at rest; set storage_encrypted = true`,
	}}
}

test_disabled_instance_fails_at_the_attribute if {
	r := instance({"storage_encrypted": false})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "storage_encrypted",
		"message": `RDS DB instance "orders" sets storage_encrypted = false: its storage is not encrypted at rest; set storage_encrypted = true`,
	}}
}

test_disabled_as_a_string_fails if {
	r := instance({"storage_encrypted": "false"})
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_encrypted_instance_passes if {
	r := instance({"storage_encrypted": true})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_encrypted_as_a_string_passes if {
	r := instance({"storage_encrypted": "true"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_instance_encryption_stays_silent if {
	r := t.with_unknown(instance({}), ["storage_encrypted"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_read_replica_is_exempt if {
	by_ref := t.with_refs(t.with_unknown(t.resource("aws_db_instance", "replica", {"identifier": "orders-replica"}), ["replicate_source_db"]), {"replicate_source_db": ["aws_db_instance.orders"]})
	by_name := t.resource("aws_db_instance", "replica2", {"replicate_source_db": "orders"})
	found := encryption.deny with input as t.input_of([by_ref, by_name])
	found == set()
}

test_instance_in_a_cluster_is_exempt if {
	r := t.with_unknown(instance({}), ["cluster_identifier"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unset_cluster_fails_at_the_header if {
	c := cluster({})
	found := encryption.deny with input as t.input_of([c])
	found == {{
		"resource": "aws_rds_cluster.orders",
		"attribute": "",
		"message": `RDS cluster "orders" does not set storage_encrypted, which defaults to false: its storage is not encrypted at rest; set storage_encrypted = true`,
	}}
}

test_disabled_cluster_fails_at_the_attribute if {
	c := cluster({"storage_encrypted": false, "engine_mode": "provisioned"})
	found := encryption.deny with input as t.input_of([c])
	[v] := [x | some x in found]
	v.attribute == "storage_encrypted"
}

test_encrypted_cluster_passes if {
	c := cluster({"storage_encrypted": true})
	found := encryption.deny with input as t.input_of([c])
	found == set()
}

test_serverless_v1_cluster_is_exempt if {
	c := cluster({"engine_mode": "serverless"})
	found := encryption.deny with input as t.input_of([c])
	found == set()
}

test_unknown_engine_mode_stays_silent if {
	c := t.with_unknown(cluster({}), ["engine_mode"])
	found := encryption.deny with input as t.input_of([c])
	found == set()
}

test_cluster_read_replica_is_exempt if {
	c := cluster({"replication_source_identifier": "arn:aws:rds:us-east-1:123456789012:cluster:orders"})
	found := encryption.deny with input as t.input_of([c])
	found == set()
}

test_cluster_instances_are_not_judged if {
	i := t.resource("aws_rds_cluster_instance", "orders", {"identifier": "orders-1"})
	found := encryption.deny with input as t.input_of([i])
	found == set()
}

test_unnamed_instance_is_described_by_address if {
	r := t.resource("aws_db_instance", "scratch", {"identifier_prefix": "scratch-"})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "RDS DB instance aws_db_instance.scratch does not set storage_encrypted")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_db_instance", "existing", {"identifier": "existing"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}
