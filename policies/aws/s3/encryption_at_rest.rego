# METADATA
# title: S3 buckets declare server-side encryption
# description: >-
#   Every `aws_s3_bucket` must declare its default server-side encryption, either inline
#   (`server_side_encryption_configuration`, AWS provider v3 style) or with an
#   `aws_s3_bucket_server_side_encryption_configuration` joined to it by reference
#   (`bucket = aws_s3_bucket.x.id`) or by the same literal bucket name. When neither is
#   present the provider sets nothing: S3 then applies its service default (SSE-S3, since
#   January 2023), which no code declares, reviews or pins to a key, so the bucket is
#   reported. A configuration resource none of whose `rule` blocks has an
#   `apply_server_side_encryption_by_default` block (only `bucket_key_enabled`, say)
#   declares no encryption either: it is reported at its `rule`. An inline block that
#   cannot be known (`dynamic`) and a configuration resource whose `bucket` cannot be
#   resolved to a bucket of the module count as possibly present: the rule then stays
#   silent about the bucket.
# custom:
#   id: aws-s3-encryption-at-rest
#   severity: high
#   controls: [CC6.1, C1.1]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_server_side_encryption_configuration]
#   remediation: |
#     Add an `aws_s3_bucket_server_side_encryption_configuration` that references the
#     bucket, preferably with a customer managed KMS key:
#
#     ```hcl
#     resource "aws_s3_bucket_server_side_encryption_configuration" "logs" {
#       bucket = aws_s3_bucket.logs.id
#
#       rule {
#         apply_server_side_encryption_by_default {
#           sse_algorithm     = "aws:kms"
#           kms_master_key_id = aws_kms_key.logs.arn
#         }
#         bucket_key_enabled = true
#       }
#     }
#     ```
package soc2gate.aws.s3.encryption_at_rest

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_configuration := "aws_s3_bucket_server_side_encryption_configuration"

deny contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["server_side_encryption_configuration"])
	count(s3.maybe_joined_of(bucket, _configuration)) == 0
	v := core.violation(bucket, "", sprintf(
		"%s has no server-side encryption configuration: no inline server_side_encryption_configuration and no %s references it",
		[s3.describe(bucket), _configuration],
	))
}

# What the rule could not judge: an inline block that cannot be known (`dynamic`), and a
# bucket without one whose configuration resource is in doubt.
undetermined contains v if {
	some bucket in s3.buckets
	core.unknown(bucket, ["server_side_encryption_configuration"])
	not _configured_by_split(bucket)
	v := core.cannot_judge(bucket, ["server_side_encryption_configuration"])
}

undetermined contains v if {
	some bucket in s3.buckets
	core.unset(bucket, ["server_side_encryption_configuration"])
	s3.join_in_doubt(bucket, _configuration)
	v := s3.cannot_judge_join(bucket, _configuration)
}

_configured_by_split(bucket) if {
	some split in s3.maybe_joined_of(bucket, _configuration)
	s3.joined(bucket, split)
}

# A configuration resource whose rules set no default encryption.
deny contains v if {
	some c in core.resources(_configuration)
	c.mode == "managed"
	not core.unknown(c, ["rule"])
	not _declares_default(c)
	v := core.violation(c, "rule[0]", sprintf(
		"the server-side encryption configuration of %s declares no encryption: no rule has an apply_server_side_encryption_by_default block; add one with sse_algorithm = \"aws:kms\"",
		[s3.describe_bucket_of(c)],
	))
}

# Some rule has a default encryption block, or one that cannot be known (`dynamic`).
_declares_default(c) if {
	some i, _ in object.get(c.values, "rule", [])
	not core.unset(c, ["rule", i, "apply_server_side_encryption_by_default"])
}

# A configuration resource whose rules, or their default encryption blocks, cannot be
# known (`dynamic`), and none of whose rules certainly has one.
undetermined contains v if {
	some c in core.resources(_configuration)
	c.mode == "managed"
	not _has_default(c)
	paths := array.concat([["rule"]], [["rule", i, "apply_server_side_encryption_by_default"] |
		some i, _ in object.get(c.values, "rule", [])
	])
	some v in core.unknown_at(c, paths)
}

_has_default(c) if {
	some i, _ in object.get(c.values, "rule", [])
	core.get(c, ["rule", i, "apply_server_side_encryption_by_default"])
}
