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

# What the rule could not judge: a status of a versioning resource that cannot be known
# (and the bucket it decides), inline versioning that cannot be known, and a bucket without
# either whose versioning resource is in doubt.
undetermined contains v if {
	some r in core.resources(_versioning)
	r.mode == "managed"
	some v in core.unknown_at(r, [["versioning_configuration", 0, "status"]])
}

undetermined contains v if {
	some bucket in s3.buckets
	not _locked(bucket)
	splits := [split | some split in s3.maybe_joined_of(bucket, _versioning); s3.joined(bucket, split)]
	count(splits) > 0
	not _enabled_by(splits)
	some split in splits
	core.partly_unknown(split, ["versioning_configuration", 0, "status"])
	v := core.violation(bucket, "", sprintf(
		"the versioning status of %s, set by %s, cannot be known statically, so the rule could not judge the bucket",
		[s3.describe(bucket), split.address],
	))
}

undetermined contains v if {
	some bucket in s3.buckets
	count(s3.maybe_joined_of(bucket, _versioning)) == 0
	not _locked(bucket)
	some v in core.unknown_at(bucket, [["versioning", 0, "enabled"]])
}

undetermined contains v if {
	some bucket in s3.buckets
	not core.value_is(bucket, ["versioning", 0, "enabled"], true)
	not _locked(bucket)
	s3.join_in_doubt(bucket, _versioning)
	v := s3.cannot_judge_join(bucket, _versioning)
}

_enabled_by(splits) if {
	some split in splits
	core.value_is(split, ["versioning_configuration", 0, "status"], "Enabled")
}

# Object Lock is on for certain: it keeps versioning on.
_locked(bucket) if core.value_is(bucket, ["object_lock_enabled"], true)

_locked(bucket) if {
	some i, _ in object.get(bucket.values, "object_lock_configuration", [])
	core.value_is(bucket, ["object_lock_configuration", i, "object_lock_enabled"], "Enabled")
}

_locked(bucket) if {
	some lock in s3.maybe_joined_of(bucket, _lock_configuration)
	s3.joined(bucket, lock)
}

# Object Lock is on, or may be.
_object_lock(bucket) if _locked(bucket)

_object_lock(bucket) if _lock_unknown(bucket)

_object_lock(bucket) if count(s3.maybe_joined_of(bucket, _lock_configuration)) > 0

_lock_unknown(bucket) if core.unknown(bucket, ["object_lock_enabled"])

_lock_unknown(bucket) if core.partly_unknown(bucket, ["object_lock_configuration"])

# A bucket that would be reported but for an Object Lock setting that cannot be known.
undetermined contains v if {
	some bucket in s3.buckets
	_unversioned(bucket)
	not _locked(bucket)
	_lock_unknown(bucket)
	some v in core.unknown_at(bucket, [["object_lock_enabled"], ["object_lock_configuration", 0, "object_lock_enabled"]])
}

_unversioned(bucket) if {
	core.unset(bucket, ["versioning"])
	count(s3.maybe_joined_of(bucket, _versioning)) == 0
}

_unversioned(bucket) if {
	_inline_off(bucket)
	count(s3.maybe_joined_of(bucket, _versioning)) == 0
}
