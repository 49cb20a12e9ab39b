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
package soc2gate.lib.aws.s3

import data.soc2gate.lib.core

# The bucket's name, when it is known (`bucket = "acme-logs"`, a variable with a default,
# a template of known parts). Undefined when unset (AWS then generates a name) or unknown.
bucket_name(bucket) := name if {
	core.known(bucket, ["bucket"])
	name := core.get(bucket, ["bucket"])
	is_string(name)
}

# The split resource's `bucket` attribute references the bucket (`aws_s3_bucket.b.id`,
# `.bucket`, `.arn`, or through a local), or names it with the same literal.
joined(bucket, split) if {
	some address in object.get(split.refs, "bucket", [])
	_same_resource(address, bucket.address)
}

joined(bucket, split) if {
	name := bucket_name(bucket)
	core.value_is(split, ["bucket"], name)
}

# `joined`, or the split resource cannot be placed on any bucket of the input, so it may
# belong to this one: its `bucket` is unknown and references no bucket of the input
# (`var.bucket_id` without a default, a module output), or it is a literal that is not the
# name of any bucket of the input while this bucket's own name is unknown.
maybe_joined(bucket, split) if joined(bucket, split)

maybe_joined(bucket, split) if {
	core.unknown(split, ["bucket"])
	not resolved(split)
}

maybe_joined(bucket, split) if {
	core.unknown(bucket, ["bucket"])
	core.known(split, ["bucket"])
	is_string(core.get(split, ["bucket"]))
	not resolved(split)
}

# The split resource is joined to some bucket of the input (managed or a data source).
resolved(split) if {
	some address in object.get(split.refs, "bucket", [])
	some bucket in core.resources("aws_s3_bucket")
	_same_resource(address, bucket.address)
}

resolved(split) if {
	core.known(split, ["bucket"])
	name := core.get(split, ["bucket"])
	_bucket_names[name]
}

_bucket_names contains name if {
	some bucket in core.resources("aws_s3_bucket")
	name := bucket_name(bucket)
}

# A reference names the resource itself, or the resource it is an instance of
# (`aws_s3_bucket.b` and `aws_s3_bucket.b[0]` once `count` is expanded).
_same_resource(ref, address) if ref == address

_same_resource(ref, address) if startswith(address, concat("", [ref, "["]))

# The split resources of `type_name` that may belong to the bucket (managed only).
maybe_joined_of(bucket, type_name) := [split |
	some split in core.resources(type_name)
	split.mode == "managed"
	maybe_joined(bucket, split)
]

# Managed buckets: data sources of type `aws_s3_bucket` are read, never judged.
buckets := [b |
	some b in core.resources("aws_s3_bucket")
	b.mode == "managed"
]

# How a message names a bucket: its name when known, else its address.
describe(bucket) := sprintf("bucket %q", [name]) if name := bucket_name(bucket)

describe(bucket) := sprintf("bucket %s", [bucket.address]) if not bucket_name(bucket)
