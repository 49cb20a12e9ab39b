# METADATA
# title: DynamoDB tables have point-in-time recovery enabled
# description: >-
#   Every `aws_dynamodb_table` must declare `point_in_time_recovery { enabled = true }`,
#   so that the table can be restored to any second of the recovery window (35 days by
#   default) after an accidental write or delete. Point-in-time recovery is off unless
#   declared: a table without the block, with `enabled = false`, or with a block that
#   does not set `enabled` (which the provider reads as false) is reported. A block or an
#   `enabled` that cannot be known statically (a `dynamic` block, a variable without a
#   default) is not judged.
# custom:
#   id: aws-dynamodb-pitr
#   severity: medium
#   controls: [A1.2]
#   resource_types: [aws_dynamodb_table]
#   remediation: |
#     Enable point-in-time recovery on the table:
#
#     ```hcl
#     resource "aws_dynamodb_table" "orders" {
#       name         = "orders"
#       billing_mode = "PAY_PER_REQUEST"
#       hash_key     = "id"
#
#       attribute {
#         name = "id"
#         type = "S"
#       }
#
#       point_in_time_recovery {
#         enabled = true
#       }
#     }
#     ```
package soc2gate.aws.dynamodb.pitr

import data.soc2gate.lib.core

_block := "point_in_time_recovery"

deny contains v if {
	some t in core.resources("aws_dynamodb_table")
	t.mode == "managed"
	core.unset(t, [_block])
	v := core.violation(t, "", sprintf(
		"%s has no point_in_time_recovery block, so point-in-time recovery is off; add point_in_time_recovery { enabled = true }",
		[_describe(t)],
	))
}

deny contains v if {
	some t in core.resources("aws_dynamodb_table")
	t.mode == "managed"
	some i, _ in core.get(t, [_block])
	path := [_block, i, "enabled"]
	core.known(t, path)
	_false(core.get(t, path))
	v := core.violation(t, core.path_text(path), sprintf(
		"%s sets point_in_time_recovery.enabled = false; set it to true",
		[_describe(t)],
	))
}

deny contains v if {
	some t in core.resources("aws_dynamodb_table")
	t.mode == "managed"
	some i, block in core.get(t, [_block])
	is_object(block)
	core.unset(t, [_block, i, "enabled"])
	v := core.violation(t, core.path_text([_block, i]), sprintf(
		"%s has a point_in_time_recovery block without enabled, which defaults to false; set enabled = true",
		[_describe(t)],
	))
}

# Terraform converts the string "false" to a boolean; so does this.
_false(v) if v in {false, "false"}

# How a message names a table: `DynamoDB table "orders"`, else its address.
_describe(t) := sprintf("DynamoDB table %q", [_name(t)])

_describe(t) := sprintf("DynamoDB table %s", [t.address]) if not _name(t)

_name(t) := name if {
	core.known(t, ["name"])
	name := core.get(t, ["name"])
	is_string(name)
}

# What the rule could not judge: an `enabled` that cannot be known, or a block that cannot
# be (`dynamic`).
undetermined contains v if {
	some t in core.resources("aws_dynamodb_table")
	t.mode == "managed"
	some v in core.unknown_at(t, [[_block, 0, "enabled"]])
}
