# METADATA
# title: CloudWatch log groups are encrypted with a customer managed KMS key
# description: >-
#   An `aws_cloudwatch_log_group` must set `kms_key_id` to a KMS key, so that access to
#   the log data is governed by the key's policy and can be audited and revoked. When
#   `kms_key_id` is unset (or empty) the provider associates no key and CloudWatch Logs
#   encrypts the events with a key owned by AWS, which no policy of yours controls: the
#   log group is reported. A key that cannot be known statically (a reference to an
#   `aws_kms_key`, a variable without a default) counts as set. Data sources are not
#   judged.
# custom:
#   id: aws-cloudwatch-log-kms
#   severity: low
#   controls: [CC6.1]
#   resource_types: [aws_cloudwatch_log_group]
#   remediation: |
#     Encrypt the log group with a customer managed key whose key policy lets the
#     CloudWatch Logs service principal of the region use it:
#
#     ```hcl
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/acme/app"
#       retention_in_days = 365
#       kms_key_id        = aws_kms_key.logs.arn
#     }
#     ```
package soc2gate.aws.cloudwatch.log_kms

import data.soc2gate.lib.core

deny contains v if {
	some g in _log_groups
	core.unset(g, ["kms_key_id"])
	v := core.violation(g, "", sprintf(
		"%s has no kms_key_id: its events are encrypted with an AWS owned key that no key policy of yours controls; set kms_key_id to a customer managed KMS key",
		[_describe(g)],
	))
}

deny contains v if {
	some g in _log_groups
	core.value_is(g, ["kms_key_id"], "")
	v := core.violation(g, "kms_key_id", sprintf(
		"%s has an empty kms_key_id: its events are encrypted with an AWS owned key that no key policy of yours controls; set kms_key_id to a customer managed KMS key",
		[_describe(g)],
	))
}

_log_groups := [g |
	some g in core.resources("aws_cloudwatch_log_group")
	g.mode == "managed"
]

# How a message names a log group: its name when known, else its address.
_describe(g) := sprintf("log group %q", [name]) if {
	name := object.get(g.values, "name", null)
	is_string(name)
}

_describe(g) := sprintf("log group %s", [g.address]) if not is_string(object.get(g.values, "name", null))

# What the rule could not judge: a kms_key_id that cannot be known and references no
# resource (a key's ARN is never empty; a variable without a default may be).
undetermined contains v if {
	some g in _log_groups
	some v in core.unknown_value_at(g, [["kms_key_id"]])
}
