# METADATA
# title: S3 buckets log server access
# description: >-
#   Every `aws_s3_bucket` must have server access logging configured: an inline `logging`
#   block (AWS provider v3 style) or an `aws_s3_bucket_logging` joined to the bucket by
#   reference (`bucket = aws_s3_bucket.x.id`) or by the same literal bucket name. S3 logs
#   nothing by default, so a bucket with neither is reported at its header. Exempt: the
#   buckets that are themselves the target of another bucket's access logs (named by an
#   inline `logging { target_bucket }` or an `aws_s3_bucket_logging`'s `target_bucket`, by
#   reference or by literal name), since logging a log bucket into itself or into yet
#   another bucket only moves the question. Nothing is reported when it cannot be known:
#   a `dynamic` logging block, a logging resource whose `bucket` cannot be resolved to a
#   bucket of the module (it may be this bucket's), or a bucket whose own name is unknown
#   while some `target_bucket` cannot be resolved (this bucket may be the target). An
#   unknown name and an unknown `target_bucket` written as the same expression (`bucket =
#   var.log_bucket` and `target_bucket = var.log_bucket`) name the same bucket; a log
#   bucket given by a variable does not exempt the buckets whose names are known.
# custom:
#   id: aws-s3-access-logging
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_logging]
#   remediation: |
#     Send the bucket's server access logs to a dedicated log bucket:
#
#     ```hcl
#     resource "aws_s3_bucket_logging" "data" {
#       bucket = aws_s3_bucket.data.id
#
#       target_bucket = aws_s3_bucket.access_logs.id
#       target_prefix = "data/"
#     }
#     ```
package soc2gate.aws.s3.access_logging

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_logging := "aws_s3_bucket_logging"

deny contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["logging"])
	count(s3.maybe_joined_of(bucket, _logging)) == 0
	not _may_be_a_target(bucket)
	v := core.violation(bucket, "", sprintf(
		"%s has no server access logging: no inline logging block and no %s references it; send its access logs to a log bucket",
		[s3.describe(bucket), _logging],
	))
}

# The log targets of the module: for each logging configuration (inline on a managed
# bucket, or an `aws_s3_bucket_logging`), the join keys of its `target_bucket` and
# whether that value is (partly) unknown.
_targets := array.concat(
	[t |
		some b in s3.buckets
		some i, _ in object.get(b.values, "logging", [])
		path := ["logging", i, "target_bucket"]
		t := {"keys": s3.attribute_keys(b, path), "unknown": _unknown(b, path)}
	],
	array.concat(
		[{"keys": set(), "unknown": true} |
			some b in s3.buckets
			core.unknown(b, ["logging"])
		],
		[t |
			some r in core.resources(_logging)
			r.mode == "managed"
			t := {"keys": s3.attribute_keys(r, ["target_bucket"]), "unknown": _unknown(r, ["target_bucket"])}
		],
	),
)

_target_keys := {key |
	some t in _targets
	some key in t.keys
}

# Some target names no bucket of the module and cannot be known: it may be any bucket.
_unplaced_unknown_target if {
	some t in _targets
	t.unknown
	not s3.names_a_bucket(t.keys)
}

# Some known literal target names no bucket of the module: it may be a bucket whose own
# name is unknown.
_unplaced_literal_target if {
	some t in _targets
	not t.unknown
	count(t.keys) > 0
	not s3.names_a_bucket(t.keys)
}

_may_be_a_target(bucket) if {
	some key in s3.keys(bucket)
	_target_keys[key]
}

# An unknown target that names no bucket of the module may be a bucket whose own name
# is unknown too; a bucket with a known name, or none (AWS generates it), is not it.
_may_be_a_target(bucket) if {
	_unplaced_unknown_target
	core.unknown(bucket, ["bucket"])
}

_may_be_a_target(bucket) if {
	_unplaced_literal_target
	core.unknown(bucket, ["bucket"])
}

_unknown(r, path) := true if core.unknown(r, path)

_unknown(r, path) := false if not core.unknown(r, path)

# What the rule could not judge: inline logging that cannot be known, and a bucket without
# logging whose logging resource is in doubt, or that may be a log target only through a
# value that cannot be known (a log bucket need not log itself).
undetermined contains v if {
	some bucket in s3.buckets
	not _logged_by_split(bucket)
	not _certainly_a_target(bucket)
	core.unknown(bucket, ["logging"])
	v := core.cannot_judge(bucket, ["logging"])
}

undetermined contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["logging"])
	not _certainly_a_target(bucket)
	s3.join_in_doubt(bucket, _logging)
	v := s3.cannot_judge_join(bucket, _logging)
}

undetermined contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["logging"])
	count(s3.maybe_joined_of(bucket, _logging)) == 0
	_may_be_a_target(bucket)
	not _certainly_a_target(bucket)
	v := core.violation(bucket, "", sprintf(
		"%s does not log its access, and whether it is the log target of another bucket cannot be known statically (a target bucket cannot be resolved)",
		[s3.describe(bucket)],
	))
}

_certainly_a_target(bucket) if {
	some key in s3.keys(bucket)
	_target_keys[key]
}

_logged_by_split(bucket) if {
	some split in s3.maybe_joined_of(bucket, _logging)
	s3.joined(bucket, split)
}
