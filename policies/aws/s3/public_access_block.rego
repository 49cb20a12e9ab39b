# METADATA
# title: S3 buckets block all public access
# description: >-
#   Every `aws_s3_bucket` must have an `aws_s3_bucket_public_access_block` joined to it by
#   reference (`bucket = aws_s3_bucket.x.id`) or by the same literal bucket name, with all
#   four flags true: `block_public_acls`, `block_public_policy`, `ignore_public_acls` and
#   `restrict_public_buckets`. Each flag defaults to false when unset, so a block that
#   leaves one out does not block that path. A bucket without a block is reported at its
#   header; a flag set to false is reported at that flag of the block, and unset flags at
#   the block's header (whichever bucket the block names). Exempt: every bucket, when an
#   `aws_s3_account_public_access_block` with all four flags true is declared anywhere in
#   the scan (in any root module); one whose flags cannot be known statically counts as
#   possibly compliant. A public access block whose `bucket` cannot be resolved to a bucket
#   of the module may be any bucket's, so buckets then stay quiet; flags from variables
#   without a default are not judged.
# custom:
#   id: aws-s3-public-access-block
#   severity: high
#   controls: [CC6.1, CC6.6]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_public_access_block]
#   scan_resource_types: [aws_s3_account_public_access_block]
#   remediation: |
#     Block public access on the bucket with all four settings:
#
#     ```hcl
#     resource "aws_s3_bucket_public_access_block" "data" {
#       bucket = aws_s3_bucket.data.id
#
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#
#     Or once for the whole account, with `aws_s3_account_public_access_block` and the same
#     four settings.
package soc2gate.aws.s3.public_access_block

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_block := "aws_s3_bucket_public_access_block"

_flags := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

# Every `aws_s3_account_public_access_block` of the scan (none when the engine gives none).
default account_blocks := []

account_blocks := data.scan.resources.aws_s3_account_public_access_block

# Some managed account-level block has no flag known to be off: all four true, or
# unknown.
_account_blocked if {
	some r in account_blocks
	r.mode == "managed"
	not _some_flag_off(r)
}

_some_flag_off(r) if {
	some flag in _flags
	_off(r, flag)
}

_off(r, flag) if core.unset(r, [flag])

_off(r, flag) if _false(r, flag)

_false(r, flag) if {
	core.known(r, [flag])
	not core.get(r, [flag]) in {true, "true"}
}

deny contains v if {
	not _account_blocked
	some bucket in s3.buckets
	count(s3.maybe_joined_of(bucket, _block)) == 0
	v := core.violation(bucket, "", sprintf(
		"%s has no public access block: no %s references it and no aws_s3_account_public_access_block with all four flags true is in the scan; add one with all four flags true",
		[s3.describe(bucket), _block],
	))
}

deny contains v if {
	not _account_blocked
	some r in core.resources(_block)
	r.mode == "managed"
	some flag in _flags
	_false(r, flag)
	v := core.violation(r, flag, sprintf(
		"the public access block of %s sets %s = %v; set it to true",
		[s3.describe_bucket_of(r), flag, core.get(r, [flag])],
	))
}

deny contains v if {
	not _account_blocked
	some r in core.resources(_block)
	r.mode == "managed"
	unset := [flag | some flag in _flags; core.unset(r, [flag])]
	count(unset) > 0
	v := core.violation(r, "", sprintf(
		"the public access block of %s leaves %s unset, which defaults to false; set all four flags to true",
		[s3.describe_bucket_of(r), concat(", ", unset)],
	))
}

# What the rule could not judge: a flag of a public access block that cannot be known, a
# bucket whose public access block resource is in doubt, and, when an account-level block
# may block everything but a flag of it cannot be known, every bucket without its own.
undetermined contains v if {
	not _account_blocked
	some r in core.resources(_block)
	r.mode == "managed"
	some v in core.unknown_at(r, [[flag] | some flag in _flags])
}

undetermined contains v if {
	not _account_blocked
	some bucket in s3.buckets
	s3.join_in_doubt(bucket, _block)
	v := s3.cannot_judge_join(bucket, _block)
}

undetermined contains v if {
	_account_blocked
	not _account_certainly_blocked
	some bucket in s3.buckets
	count(s3.maybe_joined_of(bucket, _block)) == 0
	v := core.violation(bucket, "", sprintf(
		"%s has no public access block of its own, and whether the account-level block sets all four flags cannot be known statically",
		[s3.describe(bucket)],
	))
}

_account_certainly_blocked if {
	some r in account_blocks
	r.mode == "managed"
	every flag in _flags {
		core.known(r, [flag])
		core.get(r, [flag]) in {true, "true"}
	}
}
