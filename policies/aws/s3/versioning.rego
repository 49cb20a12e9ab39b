# METADATA
# title: S3 bucket versioning is enabled
# description: >-
#   Every `aws_s3_bucket` must keep earlier versions of its objects so that data
#   overwritten or deleted by mistake can be restored: versioning enabled inline
#   (`versioning { enabled = true }`, AWS provider v3 style) or an
#   `aws_s3_bucket_versioning` joined to the bucket by reference (`bucket =
#   aws_s3_bucket.x.id`) or by the same literal bucket name, with
#   `versioning_configuration { status = "Enabled" }`. A bucket with neither is reported:
#   versioning is off by default (the provider's default for `versioning.enabled` is
#   false, so an inline block without `enabled` is off too). An
#   `aws_s3_bucket_versioning` whose status is `Suspended` or `Disabled` is reported at its
#   status, whichever bucket it names. When a split versioning resource exists that the
#   bucket may have (its `bucket` cannot be resolved), it decides and the inline block is
#   not judged. A bucket with Object Lock (`object_lock_enabled = true`, an inline
#   `object_lock_configuration` that enables it, or an
#   `aws_s3_bucket_object_lock_configuration` that may be joined to it) is not reported:
#   AWS turns versioning on with Object Lock and never lets it be suspended. Values that
#   cannot be known statically (a `dynamic` versioning block, a status from a variable
#   without a default) are not judged.
# custom:
#   id: aws-s3-versioning
#   severity: medium
#   controls: [A1.2]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_versioning, aws_s3_bucket_object_lock_configuration]
#   remediation: |
#     Add an `aws_s3_bucket_versioning` resource that references the bucket, with
#     versioning enabled:
#
#     ```hcl
#     resource "aws_s3_bucket_versioning" "data" {
#       bucket = aws_s3_bucket.data.id
#
#       versioning_configuration {
#         status = "Enabled"
#       }
#     }
#     ```
#
#     With AWS provider v3, `versioning { enabled = true }` inside the bucket does the same.
package soc2gate.aws.s3.versioning

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_versioning := "aws_s3_bucket_versioning"

_lock_configuration := "aws_s3_bucket_object_lock_configuration"

# No versioning at all: no inline block and no split resource that may be the bucket's.
deny contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["versioning"])
	count(s3.maybe_joined_of(bucket, _versioning)) == 0
	not _object_lock(bucket)
	v := core.violation(bucket, "", sprintf(
		"%s has no versioning: no inline versioning block and no %s references it; add one with status \"Enabled\"",
		[s3.describe(bucket), _versioning],
	))
}

# An inline block that leaves versioning off (`enabled = false`, or `enabled` unset).
deny contains v if {
	some bucket in s3.buckets
	_inline_off(bucket)
	count(s3.maybe_joined_of(bucket, _versioning)) == 0
	not _object_lock(bucket)
	v := core.violation(bucket, "versioning[0].enabled", sprintf(
		"%s has versioning disabled (versioning.enabled is not true); set enabled = true or use an %s with status \"Enabled\"",
		[s3.describe(bucket), _versioning],
	))
}

# A split versioning resource whose status is not "Enabled".
deny contains v if {
	some r in core.resources(_versioning)
	r.mode == "managed"
	status := core.get(r, ["versioning_configuration", 0, "status"])
	is_string(status)
	status != "Enabled"
	v := core.violation(r, "versioning_configuration[0].status", sprintf(
		"versioning of %s is %s; set versioning_configuration.status = \"Enabled\"",
		[s3.describe_bucket_of(r), status],
	))
}

_inline_off(bucket) if core.value_is(bucket, ["versioning", 0, "enabled"], false)

_inline_off(bucket) if {
	is_object(core.get(bucket, ["versioning", 0]))
	core.unset(bucket, ["versioning", 0, "enabled"])
}

# Object Lock is on, or may be: it keeps versioning on.
_object_lock(bucket) if core.value_is(bucket, ["object_lock_enabled"], true)

_object_lock(bucket) if core.unknown(bucket, ["object_lock_enabled"])

_object_lock(bucket) if core.unknown(bucket, ["object_lock_configuration"])

_object_lock(bucket) if {
	some i, _ in object.get(bucket.values, "object_lock_configuration", [])
	path := ["object_lock_configuration", i, "object_lock_enabled"]
	not core.value_is_not(bucket, path, "Enabled")
	not core.unset(bucket, path)
}

_object_lock(bucket) if count(s3.maybe_joined_of(bucket, _lock_configuration)) > 0
