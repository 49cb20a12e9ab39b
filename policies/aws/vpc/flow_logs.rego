# METADATA
# title: VPCs have flow logs
# description: >-
#   Every `aws_vpc` must have an `aws_flow_log` whose `vpc_id` references it
#   (`vpc_id = aws_vpc.main.id`, directly, through a local or through a local module's
#   output), so that its network traffic is recorded. Without one, AWS records nothing.
#   Flow logs of subnets or network interfaces do not cover the whole VPC and do not
#   count; the traffic type and destination are not judged. A VPC's id is only known
#   once it exists, so an `aws_flow_log` whose `vpc_id` cannot be placed on a VPC of the
#   module (a variable without a default, a literal id, another resource's attribute)
#   may be any VPC's: it keeps every VPC of the module quiet. VPCs read through data
#   sources and `aws_default_vpc` are not judged.
# custom:
#   id: aws-vpc-flow-logs
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [aws_vpc, aws_default_vpc, aws_flow_log]
#   remediation: |
#     Add a flow log that references the VPC, for example to CloudWatch Logs:
#
#     ```hcl
#     resource "aws_flow_log" "main" {
#       vpc_id          = aws_vpc.main.id
#       traffic_type    = "ALL"
#       log_destination = aws_cloudwatch_log_group.flow_logs.arn
#       iam_role_arn    = aws_iam_role.flow_logs.arn
#     }
#     ```
package soc2gate.aws.vpc.flow_logs

import data.soc2gate.lib.core

deny contains v if {
	not _floating
	some vpc in core.resources("aws_vpc")
	vpc.mode == "managed"
	not _covered[vpc.address]
	not _covered[_base(vpc.address)]
	v := core.violation(vpc, "", sprintf(
		"%s has no flow log: no aws_flow_log references it in vpc_id; add one that records its traffic",
		[_describe(vpc)],
	))
}

_flow_logs := [f |
	some f in core.resources("aws_flow_log")
	f.mode == "managed"
]

# The addresses flow logs reference in `vpc_id`, built once.
_covered := {address |
	some f in _flow_logs
	some address in object.get(f.refs, "vpc_id", [])
}

# Some flow log targets a VPC that cannot be placed on a VPC of the module.
_floating if {
	some f in _flow_logs
	_targets_a_vpc(f)
	not _placed(f)
}

# `vpc_id` is set (a literal) or unknown.
_targets_a_vpc(f) if object.get(f.values, "vpc_id", null) != null

_targets_a_vpc(f) if core.unknown(f, ["vpc_id"])

# `vpc_id` references a VPC of the module (managed, default or a data source), or is the
# literal id of a data source VPC.
_placed(f) if {
	some address in object.get(f.refs, "vpc_id", [])
	_vpc_keys[address]
}

_placed(f) if _data_vpc_ids[object.get(f.values, "vpc_id", null)]

_vpc_keys := {key |
	some type_name in ["aws_vpc", "aws_default_vpc"]
	some vpc in core.resources(type_name)
	some key in {vpc.address, _base(vpc.address)}
}

_data_vpc_ids := {id |
	some vpc in core.resources("aws_vpc")
	vpc.mode == "data"
	id := object.get(vpc.values, "id", null)
	is_string(id)
}

# The resource an instance belongs to: `aws_vpc.main` for `aws_vpc.main[0]`.
_base(address) := address if not endswith(address, "]")

_base(address) := concat("[", array.slice(parts, 0, count(parts) - 1)) if {
	endswith(address, "]")
	parts := split(address, "[")
}

# `VPC "acme-prod" (10.0.0.0/16)`: its Name tag when known, else its address, and its
# CIDR block when known.
_describe(vpc) := sprintf("%s (%s)", [_name(vpc), cidr]) if {
	cidr := object.get(vpc.values, "cidr_block", null)
	is_string(cidr)
}

_describe(vpc) := _name(vpc) if not is_string(object.get(vpc.values, "cidr_block", null))

_name(vpc) := sprintf("VPC %q", [name]) if {
	name := object.get(vpc.values, ["tags", "Name"], null)
	is_string(name)
}

_name(vpc) := sprintf("VPC %s", [vpc.address]) if not is_string(object.get(vpc.values, ["tags", "Name"], null))

# What the rule could not judge: a VPC no flow log references while one whose `vpc_id`
# cannot be resolved may record it.
undetermined contains v if {
	_floating
	some vpc in core.resources("aws_vpc")
	vpc.mode == "managed"
	not _covered[vpc.address]
	not _covered[_base(vpc.address)]
	v := core.violation(vpc, "", sprintf(
		"whether a flow log records %s cannot be known statically: an aws_flow_log's vpc_id cannot be resolved",
		[_describe(vpc)],
	))
}
