# METADATA
# title: CloudWatch log groups keep events for at least a year
# description: >-
#   An `aws_cloudwatch_log_group` whose `retention_in_days` is set must keep log events
#   for at least `min_days` days (365 by default), so that the audit trail covers the SOC 2
#   observation period. When `retention_in_days` is unset, or `0`, the provider creates the
#   log group without a retention policy and events never expire: the log group passes.
#   A value that cannot be known statically is not judged, and data sources are not
#   judged.
# custom:
#   id: aws-cloudwatch-log-retention
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_cloudwatch_log_group]
#   params:
#     min_days: 365
#   remediation: |
#     Keep the events for at least a year (CloudWatch accepts 1, 3, 5, 7, 14, 30, 60, 90,
#     120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 and 3653 days),
#     or leave `retention_in_days` unset to never expire them:
#
#     ```hcl
#     resource "aws_cloudwatch_log_group" "app" {
#       name              = "/acme/app"
#       retention_in_days = 365
#       kms_key_id        = aws_kms_key.logs.arn
#     }
#     ```
package soc2gate.aws.cloudwatch.log_retention

import data.soc2gate.lib.core

# The parameter: the shortest retention accepted, in days (`soc2gate.toml` can change it).
default min_days := 365

min_days := data.params["aws-cloudwatch-log-retention"].min_days

invalid_params contains message if {
	not _positive_integer(min_days)
	message := sprintf(
		"min_days must be a positive whole number of days (e.g. 365), not %s",
		[json.marshal(min_days)],
	)
}

_positive_integer(n) if {
	is_number(n)
	n == floor(n)
	n > 0
}

# The retention periods CloudWatch Logs accepts, in days.
_periods := [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]

deny contains v if {
	some g in core.resources("aws_cloudwatch_log_group")
	g.mode == "managed"
	core.known(g, ["retention_in_days"])
	days := core.get(g, ["retention_in_days"])
	is_number(days)
	days > 0
	days < min_days
	v := core.violation(g, "retention_in_days", sprintf(
		"%s keeps log events for %v days, less than the %v required; set retention_in_days to %s",
		[_describe(g), days, min_days, _suggestion],
	))
}

# The shortest accepted period that is long enough, or never expiring.
_suggestion := sprintf("%v or more, or leave it unset to never expire them", [p]) if {
	p := min([d | some d in _periods; d >= min_days])
}

_suggestion := "0 or leave it unset, to never expire them" if {
	not _periods[count(_periods) - 1] >= min_days
}

# How a message names a log group: its name when known, else its address.
_describe(g) := sprintf("log group %q", [name]) if {
	name := object.get(g.values, "name", null)
	is_string(name)
}

_describe(g) := sprintf("log group %s", [g.address]) if not is_string(object.get(g.values, "name", null))

# What the rule could not judge: a retention_in_days that cannot be known.
undetermined contains v if {
	some g in core.resources("aws_cloudwatch_log_group")
	g.mode == "managed"
	some v in core.unknown_at(g, [["retention_in_days"]])
}
