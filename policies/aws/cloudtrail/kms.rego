# METADATA
# title: CloudTrail trails encrypt their logs with a KMS key
# description: >-
#   Every `aws_cloudtrail` must set `kms_key_id` to a KMS key, so that reading the logs
#   takes a decrypt permission on a key the organization controls, and every use of it is
#   itself logged. Unset, the provider sets no key and the log files get only the bucket's
#   default encryption (SSE-S3), so the trail is reported; an empty `kms_key_id` is
#   reported at the attribute. A key that cannot be known statically (typically
#   `aws_kms_key.x.arn`) counts as set.
# custom:
#   id: aws-cloudtrail-kms
#   severity: medium
#   controls: [CC6.1, CC7.2]
#   resource_types: [aws_cloudtrail]
#   remediation: |
#     Encrypt the trail with a customer managed key whose policy lets CloudTrail use it:
#
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                       = "main"
#       s3_bucket_name             = aws_s3_bucket.trail.id
#       is_multi_region_trail      = true
#       enable_log_file_validation = true
#       kms_key_id                 = aws_kms_key.trail.arn
#     }
#     ```
package soc2gate.aws.cloudtrail.kms

import data.soc2gate.lib.aws.cloudtrail
import data.soc2gate.lib.core

_fix := "set kms_key_id to the ARN of a customer managed KMS key"

deny contains v if {
	some trail in cloudtrail.trails
	core.unset(trail, ["kms_key_id"])
	v := core.violation(trail, "", sprintf(
		"%s has no kms_key_id: its log files are encrypted only with the bucket's default (SSE-S3); %s",
		[cloudtrail.describe(trail), _fix],
	))
}

deny contains v if {
	some trail in cloudtrail.trails
	core.value_is(trail, ["kms_key_id"], "")
	v := core.violation(trail, "kms_key_id", sprintf(
		"%s has an empty kms_key_id: its log files are encrypted only with the bucket's default (SSE-S3); %s",
		[cloudtrail.describe(trail), _fix],
	))
}

# What the rule could not judge: a kms_key_id that cannot be known and references no
# resource (a key's ARN is never empty; a variable without a default may be).
undetermined contains v if {
	some trail in cloudtrail.trails
	some v in core.unknown_value_at(trail, [["kms_key_id"]])
}
