package soc2gate.lib.aws.elasticache_test

import data.soc2gate.lib.aws.elasticache
import data.soc2gate.lib.aws.inputs_test as t

group(name, values) := t.resource("aws_elasticache_replication_group", name, values)

test_secondaries_of_a_global_datastore_are_left_out if {
	primary := group("primary", {"replication_group_id": "primary"})
	secondary := group("secondary", {"replication_group_id": "secondary", "global_replication_group_id": "ldgnf-global"})
	unknown := t.with_unknown(group("unknown", {"replication_group_id": "unknown"}), ["global_replication_group_id"])
	existing := t.data_source("aws_elasticache_replication_group", "existing", {"replication_group_id": "existing"})
	groups := elasticache.replication_groups with input as t.input_of([primary, secondary, unknown, existing])
	[g.address | some g in groups] == ["aws_elasticache_replication_group.primary"]
}

test_engine_defaults_to_redis if {
	g := group("cache", {})
	e := elasticache.engine(g)
	e == "redis"
}

test_engine_is_lower_case if {
	g := group("cache", {"engine": "Valkey"})
	e := elasticache.engine(g)
	e == "valkey"
}

test_unknown_engine_is_undefined if {
	g := t.with_unknown(group("cache", {}), ["engine"])
	not elasticache.engine(g)
}

test_off_reads_booleans_and_strings if {
	elasticache.off(group("a", {"x": false}), ["x"])
	elasticache.off(group("b", {"x": "false"}), ["x"])
	not elasticache.off(group("c", {"x": true}), ["x"])
	not elasticache.off(group("d", {}), ["x"])
}

test_groups_are_described_by_id_else_address if {
	by_id := elasticache.describe(group("cache", {"replication_group_id": "acme-sessions"}))
	by_id == `ElastiCache replication group "acme-sessions"`
	by_address := elasticache.describe(t.with_unknown(group("cache", {}), ["replication_group_id"]))
	by_address == "ElastiCache replication group aws_elasticache_replication_group.cache"
}
