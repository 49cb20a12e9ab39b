package soc2gate.lib.aws.rds_test

import data.soc2gate.lib.aws.inputs_test as t
import data.soc2gate.lib.aws.rds

test_data_sources_are_not_instances_or_clusters if {
	i := t.data_source("aws_db_instance", "existing", {"identifier": "existing"})
	c := t.data_source("aws_rds_cluster", "existing", {"cluster_identifier": "existing"})
	got := [rds.instances, rds.clusters] with input as t.input_of([i, c])
	got == [[], []]
}

test_instance_with_cluster_identifier_is_not_standalone if {
	member := t.with_unknown(t.resource("aws_db_instance", "member", {}), ["cluster_identifier"])
	alone := t.resource("aws_db_instance", "alone", {"cluster_identifier": ""})
	got := [r.address | some r in rds.standalone_instances] with input as t.input_of([member, alone])
	got == ["aws_db_instance.alone"]
}

test_replica_by_reference_or_name if {
	rds.replica(t.with_unknown(t.resource("aws_db_instance", "r", {}), ["replicate_source_db"]))
	rds.replica(t.resource("aws_db_instance", "r", {"replicate_source_db": "orders"}))
	not rds.replica(t.resource("aws_db_instance", "r", {}))
	not rds.replica(t.resource("aws_db_instance", "r", {"replicate_source_db": ""}))
}

test_serverless_v1 if {
	rds.serverless_v1(t.resource("aws_rds_cluster", "c", {"engine_mode": "serverless"}))
	rds.serverless_v1(t.with_unknown(t.resource("aws_rds_cluster", "c", {}), ["engine_mode"]))
	not rds.serverless_v1(t.resource("aws_rds_cluster", "c", {"engine_mode": "provisioned"}))
	not rds.serverless_v1(t.resource("aws_rds_cluster", "c", {}))
}

test_true_and_false_accept_strings if {
	rds.is_true(t.resource("aws_db_instance", "a", {"x": "true"}), ["x"])
	rds.is_false(t.resource("aws_db_instance", "a", {"x": false}), ["x"])
	not rds.is_false(t.resource("aws_db_instance", "a", {}), ["x"])
	not rds.is_true(t.with_unknown(t.resource("aws_db_instance", "a", {}), ["x"]), ["x"])
}

test_describe if {
	rds.describe(t.resource("aws_db_instance", "a", {"identifier": "orders"})) == `RDS DB instance "orders"`
	rds.describe(t.resource("aws_rds_cluster", "c", {"cluster_identifier": "orders"})) == `RDS cluster "orders"`
	rds.describe(t.resource("aws_rds_cluster_instance", "i", {})) == "RDS cluster instance aws_rds_cluster_instance.i"
}
