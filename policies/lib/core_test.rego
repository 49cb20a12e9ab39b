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

# A unit as the loaders give it, and the same unit with the indexes the engine adds: the
# join helpers answer the same on both.
_b0 := {"address": "aws_s3_bucket.b[0]", "type": "aws_s3_bucket", "values": {"bucket": "acme"}, "refs": {}}

_b1 := {"address": "aws_s3_bucket.b[1]", "type": "aws_s3_bucket", "values": {}, "refs": {}}

_v := {
	"address": "aws_s3_bucket_versioning.v",
	"type": "aws_s3_bucket_versioning",
	"values": {"bucket": "acme"},
	"refs": {"bucket": ["aws_s3_bucket.b"], "expected_bucket_owner": ["aws_s3_bucket.b"]},
}

_w := {
	"address": "aws_s3_bucket_versioning.w",
	"type": "aws_s3_bucket_versioning",
	"values": {},
	"refs": {"bucket": ["aws_s3_bucket.b[1]"]},
}

_plain := {"resources": {"aws_s3_bucket": [_b0, _b1], "aws_s3_bucket_versioning": [_v, _w]}}

_indexed := object.union(_plain, {
	"referrers": {
		"aws_s3_bucket.b": {"aws_s3_bucket_versioning": [_v]},
		"aws_s3_bucket.b[1]": {"aws_s3_bucket_versioning": [_w]},
	},
	"names": {
		"bucket": {"acme": {"aws_s3_bucket": [_b0], "aws_s3_bucket_versioning": [_v]}},
		"name": {},
		"repository": {},
		"repository_id": {},
	},
	"addresses": {
		"aws_s3_bucket.b": [_b0, _b1],
		"aws_s3_bucket.b[0]": [_b0],
		"aws_s3_bucket.b[1]": [_b1],
		"aws_s3_bucket_versioning.v": [_v],
		"aws_s3_bucket_versioning.w": [_w],
	},
})

_joins(b0, b1) := {
	"referrers of b[0]": core.referrers(b0, "aws_s3_bucket_versioning"),
	"referrers of b[1]": core.referrers(b1, "aws_s3_bucket_versioning"),
	"referrers of another type": core.referrers(b1, "aws_s3_bucket_policy"),
	"named acme": core.named("bucket", "acme", "aws_s3_bucket_versioning"),
	"named other": core.named("bucket", "other", "aws_s3_bucket_versioning"),
	"at b": core.resources_at("aws_s3_bucket.b"),
	"at b[1]": core.resources_at("aws_s3_bucket.b[1]"),
	"at c": core.resources_at("aws_s3_bucket.c"),
}

test_joins_with_and_without_index if {
	b0 := _b0
	b1 := _b1
	want := {
		"referrers of b[0]": {_v},
		"referrers of b[1]": {_v, _w},
		"referrers of another type": set(),
		"named acme": [_v],
		"named other": [],
		"at b": [_b0, _b1],
		"at b[1]": [_b1],
		"at c": [],
	}
	plain := _joins(b0, b1) with input as _plain
	plain == want
	indexed := _joins(b0, b1) with input as _indexed
	indexed == want
}

test_named_scans_attributes_the_engine_does_not_index if {
	r := {"address": "aws_x.a", "values": {"target": "t"}, "refs": {}}
	found := core.named("target", "t", "aws_x") with input as {"resources": {"aws_x": [r]}, "names": {"bucket": {}}}
	found == [r]
}

test_base_address if {
	core.base_address("aws_s3_bucket.b[0]") == "aws_s3_bucket.b"
	core.base_address(`module.m["a"].aws_s3_bucket.b["x[1]"]`) == `module.m["a"].aws_s3_bucket.b`
	core.base_address(`module.m["a"].aws_s3_bucket.b`) == `module.m["a"].aws_s3_bucket.b`
}

test_cannot_judge_has_the_shape_of_a_violation if {
	core.cannot_judge(r, ["policy"]) == {
		"resource": "aws_s3_bucket.b",
		"attribute": "policy",
		"message": "policy cannot be known statically, so the rule could not judge it",
	}
	core.cannot_judge(r, []).message == "the resource cannot be known statically, so the rule could not judge it"
}

test_unknown_in_names_each_unknown_path_of_each_resource if {
	data_source := object.union(r, {"address": "data.aws_s3_bucket.d", "mode": "data"})
	found := core.unknown_in("aws_s3_bucket", [["acl"], ["policy"], ["list"], ["tags", "owner"]]) with input as {"resources": {"aws_s3_bucket": [r, data_source]}}
	{[e.resource, e.attribute] | some e in found} == {["aws_s3_bucket.b", "list"], ["aws_s3_bucket.b", "policy"], ["aws_s3_bucket.b", "tags.owner"]}
}

test_references if {
	with_refs := object.union(r, {"refs": {"policy": ["aws_iam_policy_document.p"]}})
	core.references(with_refs, ["policy"])
	not core.references(with_refs, ["acl"])
}

test_an_unknown_block_is_reported_once_at_the_block if {
	dynamic := {"address": "a.b", "values": {}, "unknown": ["options"]}
	found := core.unknown_at(dynamic, [["options", 0, "x"], ["options", 0, "y"]])
	{e.attribute | some e in found} == {"options"}
}

test_unknown_value_at_leaves_out_references if {
	referencing := object.union(r, {"refs": {"policy": ["aws_iam_policy_document.p"]}})
	count(core.unknown_value_at(referencing, [["policy"]])) == 0
	count(core.unknown_value_at(r, [["policy"]])) == 1
}
