# METADATA
# title: CloudTrail trails record events in every region
# description: >-
#   Every `aws_cloudtrail` must set `is_multi_region_trail = true`, so that API activity
#   in every region, including regions nobody is supposed to use, is logged. Unset,
#   `is_multi_region_trail` defaults to false (a trail of its own region only) and the
#   trail is reported. A value that cannot be known statically is not judged.
# custom:
#   id: aws-cloudtrail-multi-region
#   severity: high
#   controls: [CC7.2]
#   resource_types: [aws_cloudtrail]
#   remediation: |
#     Make the trail multi-region:
#
#     ```hcl
#     resource "aws_cloudtrail" "main" {
#       name                          = "main"
#       s3_bucket_name                = aws_s3_bucket.trail.id
#       is_multi_region_trail         = true
#       include_global_service_events = true
#       enable_log_file_validation    = true
#       kms_key_id                    = aws_kms_key.trail.arn
#     }
#     ```
package soc2gate.aws.cloudtrail.multi_region

import data.soc2gate.lib.aws.cloudtrail
import data.soc2gate.lib.core

_attribute := "is_multi_region_trail"

deny contains v if {
	some trail in cloudtrail.trails
	at := cloudtrail.not_enabled(trail, _attribute)
	v := core.violation(trail, at, sprintf(
		"%s logs the events of its own region only: is_multi_region_trail is %s; set is_multi_region_trail = true",
		[cloudtrail.describe(trail), cloudtrail.state(trail, _attribute)],
	))
}

# What the rule could not judge: an is_multi_region_trail that cannot be known.
undetermined contains v if {
	some trail in cloudtrail.trails
	some v in core.unknown_at(trail, [[_attribute]])
}
