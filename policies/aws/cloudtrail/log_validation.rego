# METADATA
# title: CloudTrail trails validate their log files
# description: >-
#   Every `aws_cloudtrail` must set `enable_log_file_validation = true`, so that CloudTrail
#   delivers signed digest files with which anyone can prove that a log file was not
#   modified or deleted after delivery. Unset, `enable_log_file_validation` defaults to
#   false and the trail is reported. A value that cannot be known statically is not
#   judged.
# custom:
#   id: aws-cloudtrail-log-validation
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_cloudtrail]
#   remediation: |
#     Turn on log file integrity validation:
#
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                       = "main"
#       s3_bucket_name             = aws_s3_bucket.trail.id
#       is_multi_region_trail      = true
#       enable_log_file_validation = true
#     }
#     ```
package soc2gate.aws.cloudtrail.log_validation

import data.soc2gate.lib.aws.cloudtrail
import data.soc2gate.lib.core

_attribute := "enable_log_file_validation"

deny contains v if {
	some trail in cloudtrail.trails
	at := cloudtrail.not_enabled(trail, _attribute)
	v := core.violation(trail, at, sprintf(
		"%s does not validate its log files, so tampering cannot be detected: enable_log_file_validation is %s; set enable_log_file_validation = true",
		[cloudtrail.describe(trail), cloudtrail.state(trail, _attribute)],
	))
}

# What the rule could not judge: an enable_log_file_validation that cannot be known.
undetermined contains v if {
	some trail in cloudtrail.trails
	some v in core.unknown_at(trail, [[_attribute]])
}
