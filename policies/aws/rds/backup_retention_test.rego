package soc2gate.aws.rds.backup_retention_test

import data.soc2gate.aws.rds.backup_retention
import data.soc2gate.lib.aws.inputs_test as t

instance(values) := t.resource("aws_db_instance", "orders", object.union({"identifier": "orders"}, values))

cluster(values) := t.resource("aws_rds_cluster", "orders", object.union({"cluster_identifier": "orders"}, values))

test_unset_retention_fails_at_the_header if {
	r := instance({})
	found := backup_retention.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "",
		"message": `RDS DB instance "orders" does not set backup_retention_period: the provider default keeps automated backups for 1 day, fewer than the required 7; set backup_retention_period = 7 or more`,
	}}
}

test_short_retention_fails_at_the_attribute if {
	r := cluster({"backup_retention_period": 3})
	found := backup_retention.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_rds_cluster.orders",
		"attribute": "backup_retention_period",
		"message": `RDS cluster "orders" keeps automated backups for 3 day(s), fewer than the required 7; set backup_retention_period = 7 or more`,
	}}
}

test_zero_retention_says_backups_are_off if {
	r := instance({"backup_retention_period": 0})
	found := backup_retention.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_db_instance.orders",
		"attribute": "backup_retention_period",
		"message": `RDS DB instance "orders" sets backup_retention_period = 0, which turns automated backups off; set it to 7 or more`,
	}}
}

test_retention_as_a_string_is_read if {
	short := instance({"backup_retention_period": "5"})
	long := t.resource("aws_db_instance", "long", {"backup_retention_period": "7"})
	found := backup_retention.deny with input as t.input_of([short, long])
	[v] := [x | some x in found]
	v.resource == "aws_db_instance.orders"
}

test_enough_retention_passes if {
	i := instance({"backup_retention_period": 7})
	c := cluster({"backup_retention_period": 35})
	found := backup_retention.deny with input as t.input_of([i, c])
	found == set()
}

test_unknown_retention_stays_silent if {
	r := t.with_unknown(instance({}), ["backup_retention_period"])
	found := backup_retention.deny with input as t.input_of([r])
	found == set()
}

test_cluster_members_and_read_replicas_are_exempt if {
	member := t.resource("aws_db_instance", "member", {"cluster_identifier": "orders"})
	aurora := t.resource("aws_rds_cluster_instance", "orders", {"cluster_identifier": "orders"})
	replica := t.with_unknown(t.resource("aws_db_instance", "replica", {}), ["replicate_source_db"])
	found := backup_retention.deny with input as t.input_of([member, aurora, replica])
	found == set()
}

test_parameter_raises_the_minimum if {
	r := instance({"backup_retention_period": 7})
	found := backup_retention.deny with input as t.input_of([r])
		with data.params as {"aws-rds-backup-retention": {"min_days": 14}}
	[v] := [x | some x in found]
	v.message == `RDS DB instance "orders" keeps automated backups for 7 day(s), fewer than the required 14; set backup_retention_period = 14 or more`
}

test_a_minimum_of_one_day_accepts_the_default if {
	r := instance({})
	found := backup_retention.deny with input as t.input_of([r])
		with data.params as {"aws-rds-backup-retention": {"min_days": 1}}
	found == set()
}

test_valid_parameters if {
	got := backup_retention.invalid_params with data.params as {"aws-rds-backup-retention": {"min_days": 35}}
	got == set()
	by_default := backup_retention.invalid_params
	by_default == set()
}

test_invalid_parameters if {
	zero := backup_retention.invalid_params with data.params as {"aws-rds-backup-retention": {"min_days": 0}}
	zero == {"min_days must be a whole number of days from 1 to 35 (RDS keeps automated backups for at most 35 days); got 0"}
	too_many := backup_retention.invalid_params with data.params as {"aws-rds-backup-retention": {"min_days": 36}}
	count(too_many) == 1
	fraction := backup_retention.invalid_params with data.params as {"aws-rds-backup-retention": {"min_days": 7.5}}
	count(fraction) == 1
	text := backup_retention.invalid_params with data.params as {"aws-rds-backup-retention": {"min_days": "7"}}
	text == {`min_days must be a whole number of days from 1 to 35 (RDS keeps automated backups for at most 35 days); got "7"`}
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_db_instance", "existing", {"identifier": "existing"})
	found := backup_retention.deny with input as t.input_of([r])
	found == set()
}
