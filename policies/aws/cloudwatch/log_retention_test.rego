package soc2gate.aws.cloudwatch.log_retention_test

import data.soc2gate.aws.cloudwatch.log_retention
import data.soc2gate.lib.aws.inputs_test as t

group(values) := t.resource("aws_cloudwatch_log_group", "app", object.union({"name": "/acme/app"}, values))

found_for(g) := found if {
	found := log_retention.deny with input as t.input_of([g])
}

found_with(g, params) := found if {
	found := log_retention.deny with input as t.input_of([g])
		with data.params as {"aws-cloudwatch-log-retention": params}
}

invalid_with(params) := messages if {
	messages := log_retention.invalid_params with data.params as {"aws-cloudwatch-log-retention": params}
}

test_short_retention_fails_at_the_attribute if {
	found_for(group({"retention_in_days": 30})) == {{
		"resource": "aws_cloudwatch_log_group.app",
		"attribute": "retention_in_days",
		"message": `log group "/acme/app" keeps log events for 30 days, less than the 365 required; set retention_in_days to 365 or more, or leave it unset to never expire them`,
	}}
}

test_one_year_and_more_pass if {
	every days in [365, 400, 731, 3653] {
		found_for(group({"retention_in_days": days})) == set()
	}
}

test_unset_retention_never_expires_and_passes if {
	found_for(group({})) == set()
}

test_zero_retention_never_expires_and_passes if {
	found_for(group({"retention_in_days": 0})) == set()
}

test_unknown_retention_stays_silent if {
	found_for(t.with_unknown(group({}), ["retention_in_days"])) == set()
}

test_group_with_generated_name_is_described_by_address if {
	g := t.resource("aws_cloudwatch_log_group", "scratch", {"name_prefix": "/acme/", "retention_in_days": 7})
	[v] := [x | some x in found_for(g)]
	startswith(v.message, "log group aws_cloudwatch_log_group.scratch keeps log events for 7 days")
}

test_log_group_data_sources_are_not_judged if {
	found_for(t.data_source("aws_cloudwatch_log_group", "app", {"name": "/acme/app", "retention_in_days": 1})) == set()
}

test_parameter_raises_the_minimum if {
	found := found_with(group({"retention_in_days": 365}), {"min_days": 500})
	found == {{
		"resource": "aws_cloudwatch_log_group.app",
		"attribute": "retention_in_days",
		"message": `log group "/acme/app" keeps log events for 365 days, less than the 500 required; set retention_in_days to 545 or more, or leave it unset to never expire them`,
	}}
	found_with(group({"retention_in_days": 545}), {"min_days": 500}) == set()
}

test_parameter_lowers_the_minimum if {
	found_with(group({"retention_in_days": 90}), {"min_days": 90}) == set()
	count(found_with(group({"retention_in_days": 60}), {"min_days": 90})) == 1
}

test_parameter_beyond_the_longest_period_asks_for_no_expiry if {
	[v] := [x | some x in found_with(group({"retention_in_days": 3653}), {"min_days": 4000})]
	endswith(v.message, "set retention_in_days to 0 or leave it unset, to never expire them")
	found_with(group({}), {"min_days": 4000}) == set()
}

test_default_and_valid_parameters_are_accepted if {
	count(log_retention.invalid_params) == 0
	count(invalid_with({"min_days": 1})) == 0
	count(invalid_with({"min_days": 731})) == 0
}

test_invalid_parameter_message if {
	invalid_with({"min_days": "365"}) == {`min_days must be a positive whole number of days (e.g. 365), not "365"`}
}

test_invalid_parameters_are_explained if {
	every bad in [0, -7, 30.5, "365", true, null] {
		[message] := [m | some m in invalid_with({"min_days": bad})]
		startswith(message, "min_days must be a positive whole number of days (e.g. 365), not ")
	}
}
