# METADATA
# title: GuardDuty detectors are enabled
# description: >-
#   An `aws_guardduty_detector` must not be turned off: `enable = false` stops threat
#   detection for the account and region. When `enable` is unset the provider's default,
#   `true`, applies and the detector passes. A value that cannot be known statically (a
#   variable without a default) is not judged. Data sources are not judged. Whether a
#   detector exists at all in every account and region is outside what one module shows,
#   so this rule does not report its absence.
# custom:
#   id: aws-guardduty-enabled
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_guardduty_detector]
#   remediation: |
#     Remove `enable = false` (the default is `true`) or set it to `true`:
#
#     ```hcl
#     resource "aws_guardduty_detector" "main" {
#       enable = true
#     }
#     ```
package soc2gate.aws.guardduty.enabled

import data.soc2gate.lib.core

deny contains v if {
	some d in core.resources("aws_guardduty_detector")
	d.mode == "managed"
	core.value_is(d, ["enable"], false)
	v := core.violation(d, "enable", sprintf(
		"GuardDuty detector %s is disabled (enable = false): threats are not detected; set enable = true",
		[d.address],
	))
}

# What the rule could not judge: an `enable` that cannot be known.
undetermined contains v if {
	some d in core.resources("aws_guardduty_detector")
	d.mode == "managed"
	some v in core.unknown_at(d, [["enable"]])
}
