# METADATA
# title: DynamoDB tables are encrypted with a KMS key
# description: >-
#   Every `aws_dynamodb_table` must declare `server_side_encryption { enabled = true }`,
#   so that its data at rest is encrypted with a KMS key the account controls and can
#   audit: the customer managed key of `kms_key_arn`, or the AWS managed key
#   `alias/aws/dynamodb` when `kms_key_arn` is unset. Without the block, or with
#   `enabled = false` (or unset, which the provider reads as false), DynamoDB uses an
#   AWS owned key that does not appear in the account, its key policy or CloudTrail, so
#   the table is reported. A block or an `enabled` that cannot be known statically (a
#   `dynamic` block, a variable without a default) is not judged.
# custom:
#   id: aws-dynamodb-encryption
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_dynamodb_table]
#   remediation: |
#     Enable server-side encryption with a KMS key, preferably a customer managed one:
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
#       server_side_encryption {
#         enabled     = true
#         kms_key_arn = aws_kms_key.dynamodb.arn
#       }
#     }
#     ```
package soc2gate.aws.dynamodb.encryption

import data.soc2gate.lib.core

_block := "server_side_encryption"

deny contains v if {
	some t in core.resources("aws_dynamodb_table")
	t.mode == "managed"
	core.unset(t, [_block])
	v := core.violation(t, "", sprintf(
		"%s has no server_side_encryption block, so DynamoDB encrypts it with an AWS owned key the account cannot control or audit; add server_side_encryption { enabled = true } with a customer managed kms_key_arn",
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
		"%s sets server_side_encryption.enabled = false, so DynamoDB encrypts it with an AWS owned key the account cannot control or audit; set enabled = true with a customer managed kms_key_arn",
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
		"%s has a server_side_encryption block without enabled, which defaults to false (an AWS owned key); set enabled = true with a customer managed kms_key_arn",
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
