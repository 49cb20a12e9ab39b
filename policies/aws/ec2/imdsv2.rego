# METADATA
# title: EC2 instances and launch templates require IMDSv2
# description: >-
#   Every `aws_instance` and `aws_launch_template` must require session tokens for the
#   instance metadata service (`metadata_options { http_tokens = "required" }`, IMDSv2),
#   so that a server-side request forgery cannot read the instance role's credentials
#   with a plain GET. An unset `http_tokens` takes the EC2 default `optional` (IMDSv1
#   accepted; an AMI registered with `imds_support = "v2.0"` changes that default, which
#   the code does not show), and a missing `metadata_options` block leaves every option
#   at its default: both are reported, as is `http_tokens = "optional"`. Exemptions: a
#   metadata endpoint that is turned off (`http_endpoint = "disabled"`, default
#   `enabled`), and an `aws_instance` launched from a `launch_template` that does not set
#   `http_tokens` itself, since it then inherits the template's metadata options (the
#   template is judged on its own). Data sources are not judged, and a value that cannot
#   be known statically (`http_tokens`, `http_endpoint`, a `dynamic` block) is not
#   judged.
# custom:
#   id: aws-ec2-imdsv2
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_instance, aws_launch_template]
#   remediation: |
#     Require IMDSv2 in the instance's or launch template's metadata options:
#
#     ```hcl
#     resource "aws_launch_template" "web" {
#       name_prefix   = "web-"
#       image_id      = data.aws_ami.al2023.id
#       instance_type = "t3.small"
#
#       metadata_options {
#         http_endpoint               = "enabled"
#         http_tokens                 = "required"
#         http_put_response_hop_limit = 1
#       }
#     }
#     ```
package soc2gate.aws.ec2.imdsv2

import data.soc2gate.lib.core

_judged := [r |
	some type_name in ["aws_instance", "aws_launch_template"]
	some r in core.resources(type_name)
	r.mode == "managed"
	not _from_launch_template(r)
]

# No metadata_options block at all.
deny contains v if {
	some r in _judged
	core.unset(r, ["metadata_options"])
	v := core.violation(r, "", sprintf(
		"%s has no metadata_options, so http_tokens defaults to \"optional\" and IMDSv1 is accepted; add metadata_options { http_tokens = \"required\" }",
		[_describe(r)],
	))
}

# A block without http_tokens.
deny contains v if {
	some r in _judged
	_block(r)
	core.unset(r, ["metadata_options", 0, "http_tokens"])
	_endpoint_enabled(r)
	v := core.violation(r, "metadata_options[0].http_tokens", sprintf(
		"%s does not set metadata_options.http_tokens, so it defaults to \"optional\" and IMDSv1 is accepted; set http_tokens = \"required\"",
		[_describe(r)],
	))
}

# http_tokens set to anything but "required".
deny contains v if {
	some r in _judged
	_block(r)
	core.value_is_not(r, ["metadata_options", 0, "http_tokens"], "required")
	_endpoint_enabled(r)
	v := core.violation(r, "metadata_options[0].http_tokens", sprintf(
		"%s sets http_tokens = %q, which accepts IMDSv1; set http_tokens = \"required\"",
		[_describe(r), core.get(r, ["metadata_options", 0, "http_tokens"])],
	))
}

# The metadata_options block is there (and known to be an object).
_block(r) if is_object(object.get(r.values, ["metadata_options", 0], null))

# The metadata endpoint is on: `http_endpoint` unset (default "enabled") or known and not
# "disabled".
_endpoint_enabled(r) if core.unset(r, ["metadata_options", 0, "http_endpoint"])

_endpoint_enabled(r) if core.value_is_not(r, ["metadata_options", 0, "http_endpoint"], "disabled")

# An instance launched from a launch template (or one that cannot be known) that does not
# set http_tokens itself: the template's metadata options apply.
_from_launch_template(r) if {
	r.type == "aws_instance"
	not core.unset(r, ["launch_template"])
	not _tokens(r)
}

_tokens(r) := t if {
	core.known(r, ["metadata_options", 0, "http_tokens"])
	t := core.get(r, ["metadata_options", 0, "http_tokens"])
}

# How a message names the resource: its Name tag (instance) or name (launch template)
# when known, else its address.
_describe(r) := sprintf("instance %q", [name]) if {
	r.type == "aws_instance"
	name := object.get(r.values, ["tags", "Name"], null)
	is_string(name)
}

_describe(r) := sprintf("instance %s", [r.address]) if {
	r.type == "aws_instance"
	not is_string(object.get(r.values, ["tags", "Name"], null))
}

_describe(r) := sprintf("launch template %q", [name]) if {
	r.type == "aws_launch_template"
	name := object.get(r.values, "name", null)
	is_string(name)
}

_describe(r) := sprintf("launch template %s", [r.address]) if {
	r.type == "aws_launch_template"
	not is_string(object.get(r.values, "name", null))
}

# What the rule could not judge: an http_tokens that cannot be known (and then whether the
# endpoint is on), and an instance whose launch_template cannot be known, whose template's
# metadata options may apply.
undetermined contains v if {
	some r in _judged
	some v in core.unknown_at(r, _deciding_paths(r))
}

undetermined contains v if {
	some r in core.resources("aws_instance")
	r.mode == "managed"
	_from_launch_template(r)
	some v in core.unknown_at(r, [["launch_template"]])
}

_deciding_paths(r) := {["metadata_options", 0, "http_tokens"]} | {["metadata_options", 0, "http_endpoint"] |
	not core.value_is(r, ["metadata_options", 0, "http_tokens"], "required")
}
