package soc2gate.lib.core_test

import data.soc2gate.lib.core

r := {
	"address": "aws_s3_bucket.b",
	"values": {"versioning": [{"enabled": true}], "acl": "private", "list": ["a", null]},
	"unknown": ["tags.owner", "list[1]", "policy"],
}

test_path_text if {
	core.path_text(["versioning", 0, "enabled"]) == "versioning[0].enabled"
	core.path_text(["acl"]) == "acl"
}

test_get if {
	core.get(r, ["versioning", 0, "enabled"]) == true
	not core.get(r, ["missing"])
	not core.get(r, ["list", 1])
}

test_unknown_covers_children if {
	core.unknown(r, ["tags", "owner"])
	core.unknown(r, ["policy", "Statement", 0])
	not core.unknown(r, ["tags"])
	core.partly_unknown(r, ["tags"])
	not core.unknown(r, ["acl"])
}

test_unknown_is_not_a_prefix_match_on_names if {
	not core.unknown(r, ["policy_document"])
	not core.partly_unknown({"values": {}, "unknown": ["policy_document"]}, ["policy"])
}

test_known if {
	core.known(r, ["acl"])
	not core.known(r, ["list"])
	core.known(r, ["list", 0])
	not core.known(r, ["tags"])
}

test_explicit_false_is_set if {
	not core.unset({"values": {"enabled": false}, "unknown": []}, ["enabled"])
}

test_unset_is_not_unknown if {
	core.unset(r, ["logging"])
	not core.unset(r, ["policy"])
	not core.unset(r, ["acl"])
}

test_value_is if {
	core.value_is(r, ["acl"], "private")
	not core.value_is(r, ["policy"], "x")
	core.value_is_not(r, ["acl"], "public-read")
	not core.value_is_not(r, ["policy"], "x")
	not core.value_is_not(r, ["missing"], "x")
}

test_resources_by_type if {
	# Assign first: regorus evaluates `f(x) == rule with input as ...` as undefined.
	found := core.resources("aws_s3_bucket") with input as {"resources": {"aws_s3_bucket": [r]}}
	found == [r]
}

test_resources_of_absent_type if {
	core.resources("aws_lb") == [] with input as {"resources": {}}
}

test_violation_shape if {
	core.violation(r, "acl", "m") == {"resource": "aws_s3_bucket.b", "attribute": "acl", "message": "m"}
}
