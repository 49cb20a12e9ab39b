# Joins of the split S3 resources of AWS provider v4+ (`aws_s3_bucket_policy`,
# `aws_s3_bucket_server_side_encryption_configuration`, `aws_s3_bucket_acl`,
# `aws_s3_bucket_versioning`, `aws_s3_bucket_logging`, `aws_s3_bucket_public_access_block`,
# `aws_s3_bucket_object_lock_configuration`, ...) to their `aws_s3_bucket`, through the
# split resource's `bucket` attribute: by reference, by the same literal name, or by the
# same unknown expression in the same module instance (`bucket = var.name` on both).
#
# Two questions, because a finding about a missing split resource must never depend on an
# unknown value:
# - `joined(bucket, split)`: the split resource certainly belongs to the bucket.
# - `maybe_joined(bucket, split)`: it belongs to the bucket or we cannot tell that it does
#   not. A rule that reports "no joined X" asks `maybe_joined`, so an X whose `bucket`
#   cannot be resolved keeps every bucket of the module quiet.
#
# Rules iterate buckets and ask `maybe_joined_of(bucket, type)`, which looks the bucket up
# in the engine's indexes (`core.referrers`, `core.named`) instead of testing every split
# resource against every bucket.
package soc2gate.lib.aws.s3

import data.soc2gate.lib.core

# The bucket's name, when it is known (`bucket = "acme-logs"`, a variable with a default,
# a template of known parts). Undefined when unset (AWS then generates a name) or unknown.
bucket_name(bucket) := name if {
	# A string in `values` is known: the loader leaves out anything with an unknown part.
	name := object.get(bucket.values, "bucket", null)
	is_string(name)
}

# The split resource's `bucket` attribute references the bucket (`aws_s3_bucket.b.id`,
# `.bucket`, `.arn`, or through a local), or names it with the same literal.
joined(bucket, split) if {
	some key in _split_keys(split)
	key in _bucket_keys(bucket)
}

# `joined`, or the split resource cannot be placed on any bucket of the input, so it may
# belong to this one: its `bucket` is unknown and references no bucket of the input
# (`var.bucket_id` without a default, a module output), or it is a literal that is not the
# name of any bucket of the input while this bucket's own name is unknown.
maybe_joined(bucket, split) if joined(bucket, split)

maybe_joined(bucket, split) if _floating(split)

maybe_joined(bucket, split) if {
	core.unknown(bucket, ["bucket"])
	_unplaced_literal(split)
}

# The split resources of `type_name` that may belong to the bucket (managed only).
maybe_joined_of(bucket, type_name) := [split |
	some split in _candidates(bucket, type_name)
	split.mode == "managed"
]

_candidates(bucket, type_name) := (_joined_splits(bucket, type_name) | _floating_of(type_name)) | _literal_candidates(bucket, type_name)

_floating_of(type_name) := object.get(_floating_by_type, type_name, set())

_literal_candidates(bucket, type_name) := object.get(_unplaced_literals_by_type, type_name, set()) if {
	core.unknown(bucket, ["bucket"])
}

_literal_candidates(bucket, _) := set() if not core.unknown(bucket, ["bucket"])

# The split resources of `type_name` joined to the bucket: their `bucket` references it,
# or names it with the same literal.
_joined_splits(bucket, type_name) := {split |
	type_name != "aws_s3_bucket"
	some split in core.referrers(bucket, type_name)
	_has_bucket(split)
	some address in object.get(split.refs, "bucket", [])
	address in {bucket.address, core.base_address(bucket.address)}
} | {split |
	type_name != "aws_s3_bucket"
	name := bucket_name(bucket)
	some split in core.named("bucket", name, type_name)
} | {split |
	# The same unknown expression (`bucket = var.name` on both).
	some key in _expression_keys(bucket, ["bucket"])
	some split in object.get(_splits_by_expression, key, set())
	split.type == type_name
}

# Expression key -> the split resources whose unknown `bucket` is written that way.
_splits_by_expression := {key: {split |
	some split in _splits
	key in _expression_keys(split, ["bucket"])
} |
	some s in _splits
	some key in _expression_keys(s, ["bucket"])
}

# The split resource is joined to some bucket of the input (managed or a data source).
resolved(split) if {
	some key in _split_keys(split)
	_all_bucket_keys[key]
}

# The keys that join a split resource to a bucket: "ref:<address>" for each address its
# `bucket` references, "name:<name>" for a known literal name, and "expr:<expression>"
# for an unknown one (see `_expression_keys`).
_split_keys(split) := attribute_keys(split, ["bucket"])

# The keys of a bucket: its address, the resource it is an instance of (a reference to
# `aws_s3_bucket.b` joins `aws_s3_bucket.b[0]` once `count` is expanded), its name, and
# the expression of its unknown name.
_bucket_keys(bucket) := ({concat("", ["ref:", bucket.address]), concat("", ["ref:", core.base_address(bucket.address)])} | {key |
	name := bucket_name(bucket)
	key := concat("", ["name:", name])
}) | _expression_keys(bucket, ["bucket"])

# "expr:<expression>" when the value at `path` is unknown and the loader gives the
# canonical text of its expression, qualified with the module instance: a bucket and a
# split resource both written `bucket = var.name` name the same bucket.
_expression_keys(r, path) := {key |
	text := object.get(object.get(r, "expressions", {}), core.path_text(path), null)
	is_string(text)
	key := concat("", ["expr:", text])
}

_all_bucket_keys := {key |
	some bucket in core.resources("aws_s3_bucket")
	some key in _bucket_keys(bucket)
}

# Sets and objects here are complete rules built by comprehension: evaluated once per
# input, then looked up in constant time.

# Every resource with a top-level `bucket` attribute, set, unknown or referencing, other
# than buckets themselves: the split resources, by address.
_splits := {r.address: r |
	some type_name, resources in input.resources
	type_name != "aws_s3_bucket"
	some r in resources
	_has_bucket(r)
}

_has_bucket(r) if object.get(r.values, "bucket", null) != null

_has_bucket(r) if "bucket" in r.unknown

# Split resources whose `bucket` is unknown and names no bucket of the input.
_floating(split) if {
	core.unknown(split, ["bucket"])
	not resolved(split)
}

# Floating split resources by type.
_floating_by_type := {type_name: {split |
	some split in _splits
	split.type == type_name
	_floating(split)
} |
	some s in _splits
	_floating(s)
	type_name := s.type
}

# Split resources with a literal `bucket` that is no known bucket's name.
_unplaced_literal(split) if {
	is_string(object.get(split.values, "bucket", null))
	not resolved(split)
}

# Split resources with an unplaced literal by type.
_unplaced_literals_by_type := {type_name: {split |
	some split in _splits
	split.type == type_name
	_unplaced_literal(split)
} |
	some s in _splits
	_unplaced_literal(s)
	type_name := s.type
}

# The split resources of `type_name` that certainly belong to the bucket (managed only):
# the ones whose values a rule judges on the bucket's behalf.
joined_of(bucket, type_name) := [split |
	some split in _joined_splits(bucket, type_name)
	split.mode == "managed"
]

# The join keys of a bucket ("ref:<address>", "name:<name>", "expr:<expression>"), to match against the keys of
# another attribute that names a bucket (`attribute_keys`).
keys(bucket) := _bucket_keys(bucket)

# The join keys of an attribute that names a bucket other than a split resource's
# `bucket`: a logging `target_bucket`, a trail's `s3_bucket_name`. `path` is an array
# (["logging", 0, "target_bucket"]).
attribute_keys(r, path) := ({key |
	some address in object.get(r.refs, core.path_text(path), [])
	key := concat("", ["ref:", address])
} | {key |
	name := object.get(r.values, path, null)
	is_string(name)
	key := concat("", ["name:", name])
}) | _expression_keys(r, path)

# One of the join keys is a bucket of the input (managed or a data source).
names_a_bucket(keys) if {
	some key in keys
	_all_bucket_keys[key]
}

# How a message names the bucket of a split resource: the bucket of the input it is
# joined to when there is exactly one, else its literal name or what it references.
describe_bucket_of(split) := describe(bucket) if {
	[bucket] := [x | some x in _buckets_of(split)]
}

describe_bucket_of(split) := d if {
	count(_buckets_of(split)) != 1
	d := _describe_target(split)
}

_describe_target(split) := sprintf("bucket %q", [name]) if {
	name := object.get(split.values, "bucket", null)
	is_string(name)
}

_describe_target(split) := sprintf("bucket %s", [concat(", ", sort(addresses))]) if {
	not is_string(object.get(split.values, "bucket", null))
	addresses := object.get(split.refs, "bucket", [])
	count(addresses) > 0
}

_describe_target(split) := "its bucket" if {
	not is_string(object.get(split.values, "bucket", null))
	count(object.get(split.refs, "bucket", [])) == 0
}

# The managed buckets the split resource is joined to.
_buckets_of(split) := {b |
	some address in object.get(split.refs, "bucket", [])
	some b in core.resources_at(address)
	b.type == "aws_s3_bucket"
	b.mode == "managed"
} | {b |
	name := object.get(split.values, "bucket", null)
	is_string(name)
	some b in core.named("bucket", name, "aws_s3_bucket")
	b.mode == "managed"
} | {b |
	some key in _expression_keys(split, ["bucket"])
	some b in buckets
	key in _expression_keys(b, ["bucket"])
}

# Managed buckets: data sources of type `aws_s3_bucket` are read, never judged.
buckets := [b |
	some b in core.resources("aws_s3_bucket")
	b.mode == "managed"
]

# How a message names a bucket: its name when known, else its address.
describe(bucket) := sprintf("bucket %q", [name]) if name := bucket_name(bucket)

describe(bucket) := sprintf("bucket %s", [bucket.address]) if not bucket_name(bucket)

# Whether the bucket has a split resource of `type_name` cannot be known: none certainly
# references it, but one whose `bucket` cannot be resolved may.
join_in_doubt(bucket, type_name) if {
	candidates := maybe_joined_of(bucket, type_name)
	count(candidates) > 0
	every split in candidates {
		not joined(bucket, split)
	}
}

# An `undetermined` entry for a bucket whose `type_name` split resource is in doubt.
cannot_judge_join(bucket, type_name) := core.violation(bucket, "", sprintf(
	"whether an %s belongs to %s cannot be known statically: one exists whose `bucket` cannot be resolved, so the rule could not judge the bucket",
	[type_name, describe(bucket)],
))

# The address of the resource a counted or for_each instance belongs to.
base_address(address) := core.base_address(address)
