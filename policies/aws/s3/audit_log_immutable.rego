# METADATA
# title: CloudTrail log buckets use S3 Object Lock
# description: >-
#   A bucket that receives CloudTrail logs must have S3 Object Lock, so that audit logs
#   cannot be altered or deleted: `object_lock_enabled = true` on the bucket, an inline
#   `object_lock_configuration { object_lock_enabled = "Enabled" }` (AWS provider v3
#   style), or an `aws_s3_bucket_object_lock_configuration` joined to it by reference or
#   by the same literal bucket name. The buckets that receive CloudTrail logs are those
#   named by an `aws_cloudtrail`'s `s3_bucket_name`, by reference (`aws_s3_bucket.x.id`)
#   from the same module or by literal name from any module of the scan. Object Lock is
#   off by default (`object_lock_enabled` defaults to false), so such a bucket without it
#   is reported, at `object_lock_enabled` when it is set to false and at the bucket header
#   otherwise. Nothing is reported when it cannot be known: a trail whose
#   `s3_bucket_name` cannot be resolved (the bucket is then not known to receive
#   CloudTrail logs), an `object_lock_enabled` from a variable without a default, or an
#   Object Lock configuration whose `bucket` cannot be resolved (it may be this bucket's).
# custom:
#   id: aws-s3-audit-log-immutable
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_object_lock_configuration, aws_cloudtrail]
#   scan_resource_types: [aws_cloudtrail]
#   remediation: |
#     Create the CloudTrail bucket with Object Lock and a default retention:
#
#     ```hcl
#     resource "aws_s3_bucket" "trail" {
#       bucket              = "acme-cloudtrail"
#       object_lock_enabled = true
#     }
#
#     resource "aws_s3_bucket_object_lock_configuration" "trail" {
#       bucket = aws_s3_bucket.trail.id
#
#       rule {
#         default_retention {
#           mode = "GOVERNANCE"
#           days = 365
#         }
#       }
#     }
#     ```
#
#     Object Lock can also be enabled on an existing bucket, which requires versioning.
package soc2gate.aws.s3.audit_log_immutable

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_lock := "aws_s3_bucket_object_lock_configuration"

# Every `aws_cloudtrail` of the scan (none when the engine gives none).
default scan_trails := []

scan_trails := data.scan.resources.aws_cloudtrail

# The join keys of the buckets that receive the logs of this module's trails, by
# reference or literal name.
_trail_keys := {key |
	some trail in core.resources("aws_cloudtrail")
	trail.mode == "managed"
	some key in s3.attribute_keys(trail, ["s3_bucket_name"])
}

# The bucket names given literally by the trails of every module of the scan (references
# from another module would name resources of that module).
_scan_trail_names := {name |
	some trail in scan_trails
	name := trail.values.s3_bucket_name
	is_string(name)
	trail.mode == "managed"
}

deny contains v if {
	some bucket in s3.buckets
	_receives_cloudtrail_logs(bucket)
	_no_object_lock(bucket)
	count(s3.maybe_joined_of(bucket, _lock)) == 0
	v := core.violation(bucket, _attribute(bucket), sprintf(
		"%s receives CloudTrail logs but has no Object Lock, so the audit logs can be deleted or overwritten; set object_lock_enabled = true and a default retention",
		[s3.describe(bucket)],
	))
}

_receives_cloudtrail_logs(bucket) if {
	count(_trail_keys) > 0
	some key in s3.keys(bucket)
	_trail_keys[key]
}

_receives_cloudtrail_logs(bucket) if _scan_trail_names[s3.bucket_name(bucket)]

# Object Lock is known to be off inline: `object_lock_enabled` unset or false, and no
# v3 style `object_lock_configuration` that enables it or cannot be known.
_no_object_lock(bucket) if {
	_off(bucket)
	_no_inline_configuration(bucket)
}

_off(bucket) if core.unset(bucket, ["object_lock_enabled"])

_off(bucket) if core.value_is(bucket, ["object_lock_enabled"], false)

_no_inline_configuration(bucket) if core.unset(bucket, ["object_lock_configuration"])

_no_inline_configuration(bucket) if {
	core.known(bucket, ["object_lock_configuration"])
	not _inline_enabled(bucket)
}

_inline_enabled(bucket) if {
	some c in core.get(bucket, ["object_lock_configuration"])
	object.get(c, "object_lock_enabled", null) == "Enabled"
}

_attribute(bucket) := "object_lock_enabled" if core.value_is(bucket, ["object_lock_enabled"], false)

_attribute(bucket) := "" if not core.value_is(bucket, ["object_lock_enabled"], false)

# What the rule could not judge: a bucket that receives CloudTrail logs whose Object Lock
# settings cannot be known or whose lock configuration resource is in doubt, and a bucket
# without Object Lock that a trail whose bucket cannot be resolved may write to.
undetermined contains v if {
	some bucket in s3.buckets
	_receives_cloudtrail_logs(bucket)
	count(s3.maybe_joined_of(bucket, _lock)) == 0
	some v in core.unknown_at(bucket, [["object_lock_enabled"], ["object_lock_configuration"]])
}

undetermined contains v if {
	some bucket in s3.buckets
	_receives_cloudtrail_logs(bucket)
	_no_object_lock(bucket)
	s3.join_in_doubt(bucket, _lock)
	v := s3.cannot_judge_join(bucket, _lock)
}

undetermined contains v if {
	_unplaced_trail
	some bucket in s3.buckets
	not _receives_cloudtrail_logs(bucket)
	_no_object_lock(bucket)
	count(s3.maybe_joined_of(bucket, _lock)) == 0
	v := core.violation(bucket, "", sprintf(
		"%s has no Object Lock, and whether it receives CloudTrail logs cannot be known statically: the s3_bucket_name of a trail cannot be resolved",
		[s3.describe(bucket)],
	))
}

# A trail of this module whose bucket is unknown and references no bucket of the input.
_unplaced_trail if {
	some trail in core.resources("aws_cloudtrail")
	trail.mode == "managed"
	core.unknown(trail, ["s3_bucket_name"])
	not s3.names_a_bucket(s3.attribute_keys(trail, ["s3_bucket_name"]))
}
