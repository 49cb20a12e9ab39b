# Joins of the split S3 resources of AWS provider v4+ (`aws_s3_bucket_policy`,
# `aws_s3_bucket_server_side_encryption_configuration`, `aws_s3_bucket_acl`,
# `aws_s3_bucket_versioning`, `aws_s3_bucket_logging`, `aws_s3_bucket_public_access_block`,
# `aws_s3_bucket_object_lock_configuration`, ...) to their `aws_s3_bucket`, through the
# split resource's `bucket` attribute.
#
# Two questions, because a finding about a missing split resource must never depend on an
# unknown value:
# - `joined(bucket, split)`: the split resource certainly belongs to the bucket.
# - `maybe_joined(bucket, split)`: it belongs to the bucket or we cannot tell that it does
#   not. A rule that reports "no joined X" asks `maybe_joined`, so an X whose `bucket`
#   cannot be resolved keeps every bucket of the module quiet.
#
# Rules iterate buckets and ask `maybe_joined_of(bucket, type)`, which looks the bucket up
# in an index built once per evaluation instead of testing every split resource against
# every bucket.
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
	some split in _candidates(bucket)
	split.type == type_name
	split.mode == "managed"
]

_candidates(bucket) := {split |
	some key in _bucket_keys(bucket)
	some address, _ in object.get(_index, key, {})
	split := _splits[address]
} | _floating_splits | _literal_candidates(bucket)

_literal_candidates(bucket) := _unplaced_literals if core.unknown(bucket, ["bucket"])

_literal_candidates(bucket) := set() if not core.unknown(bucket, ["bucket"])

# The split resource is joined to some bucket of the input (managed or a data source).
resolved(split) if {
	some key in _split_keys(split)
	_all_bucket_keys[key]
}

# The keys that join a split resource to a bucket: "ref:<address>" for each address its
# `bucket` references, and "name:<name>" for a known literal name.
_split_keys(split) := {key |
	some address in object.get(split.refs, "bucket", [])
	key := concat("", ["ref:", address])
} | {key |
	name := object.get(split.values, "bucket", null)
	is_string(name)
	key := concat("", ["name:", name])
}

# The keys of a bucket: its address, the resource it is an instance of (a reference to
# `aws_s3_bucket.b` joins `aws_s3_bucket.b[0]` once `count` is expanded), and its name.
_bucket_keys(bucket) := {concat("", ["ref:", bucket.address]), concat("", ["ref:", _base(bucket.address)])} | {key |
	name := bucket_name(bucket)
	key := concat("", ["name:", name])
}

_base(address) := address if not endswith(address, "]")

_base(address) := concat("[", array.slice(parts, 0, count(parts) - 1)) if {
	endswith(address, "]")
	parts := split(address, "[")
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

_has_bucket(r) if "bucket" in object.keys(r.values)

_has_bucket(r) if "bucket" in r.unknown

# Join key -> {split address: true}: split resources grouped by the keys they join on.
_index := object.union_n([{key: {address: true}} |
	some address, split in _splits
	some key in _split_keys(split)
])

# Split resources whose `bucket` is unknown and names no bucket of the input.
_floating(split) if {
	core.unknown(split, ["bucket"])
	not resolved(split)
}

_floating_splits := {split |
	some split in _splits
	_floating(split)
}

# Split resources with a literal `bucket` that is no known bucket's name.
_unplaced_literal(split) if {
	is_string(object.get(split.values, "bucket", null))
	not resolved(split)
}

_unplaced_literals := {split |
	some split in _splits
	_unplaced_literal(split)
}

# The split resources of `type_name` that certainly belong to the bucket (managed only):
# the ones whose values a rule judges on the bucket's behalf.
joined_of(bucket, type_name) := [split |
	some address in _joined_addresses(bucket)
	split := _splits[address]
	split.type == type_name
	split.mode == "managed"
]

_joined_addresses(bucket) := {address |
	some key in _bucket_keys(bucket)
	some address, _ in object.get(_index, key, {})
}

# The join keys of a bucket ("ref:<address>", "name:<name>"), to match against the keys of
# another attribute that names a bucket (`attribute_keys`).
keys(bucket) := _bucket_keys(bucket)

# The join keys of an attribute that names a bucket other than a split resource's
# `bucket`: a logging `target_bucket`, a trail's `s3_bucket_name`. `path` is an array
# (["logging", 0, "target_bucket"]).
attribute_keys(r, path) := {key |
	some address in object.get(r.refs, core.path_text(path), [])
	key := concat("", ["ref:", address])
} | {key |
	name := object.get(r.values, path, null)
	is_string(name)
	key := concat("", ["name:", name])
}

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

_buckets_of(split) := {b |
	some key in _split_keys(split)
	some address, _ in object.get(_bucket_index, key, {})
	b := _buckets_by_address[address]
}

# Join key -> {bucket address: true}, for managed buckets.
_bucket_index := object.union_n([{key: {b.address: true}} |
	some b in buckets
	some key in _bucket_keys(b)
])

_buckets_by_address := {b.address: b | some b in buckets}

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
base_address(address) := _base(address)
