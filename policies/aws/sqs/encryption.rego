# METADATA
# title: SQS queues declare server-side encryption
# description: >-
#   Every `aws_sqs_queue` must declare how its messages are encrypted at rest: with a KMS
#   key (`kms_master_key_id`, SSE-KMS) or with SQS owned keys (`sqs_managed_sse_enabled =
#   true`, SSE-SQS). A queue with `sqs_managed_sse_enabled = false` and no key is not
#   encrypted and is reported at that attribute. A queue that sets neither is reported
#   too: AWS has applied SSE-SQS to new queues by default since late 2022 and provider v5
#   leaves it to AWS, but nothing in the configuration declares it, the provider only
#   detects drift of `sqs_managed_sse_enabled` when it is set, and queues created before
#   the change are not encrypted. An empty `kms_master_key_id` counts as no key. A key
#   or a switch that cannot be known statically (a reference to an `aws_kms_key`, a
#   variable without a default) is not judged.
# custom:
#   id: aws-sqs-encryption
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_sqs_queue]
#   remediation: |
#     Declare server-side encryption on the queue, with a customer managed KMS key:
#
#     ```hcl
#     resource "aws_sqs_queue" "orders" {
#       name                              = "orders"
#       kms_master_key_id                 = aws_kms_key.sqs.arn
#       kms_data_key_reuse_period_seconds = 300
#     }
#     ```
#
#     or with SQS owned keys: `sqs_managed_sse_enabled = true`.
package soc2gate.aws.sqs.encryption

import data.soc2gate.lib.core

deny contains v if {
	some q in core.resources("aws_sqs_queue")
	q.mode == "managed"
	_no_key(q)
	# Terraform converts the string "false" to a boolean; so does this.
	some off in [false, "false"]
	core.value_is(q, ["sqs_managed_sse_enabled"], off)
	v := core.violation(q, "sqs_managed_sse_enabled", sprintf(
		"%s sets sqs_managed_sse_enabled = false and has no kms_master_key_id, so its messages are not encrypted at rest; set sqs_managed_sse_enabled = true or a kms_master_key_id",
		[_describe(q)],
	))
}

deny contains v if {
	some q in core.resources("aws_sqs_queue")
	q.mode == "managed"
	_no_key(q)
	core.unset(q, ["sqs_managed_sse_enabled"])
	v := core.violation(q, _key_attribute(q), sprintf(
		"%s declares neither a kms_master_key_id nor sqs_managed_sse_enabled = true: its encryption rests on an AWS default that the configuration does not declare and Terraform does not check for drift; set sqs_managed_sse_enabled = true or a kms_master_key_id",
		[_describe(q)],
	))
}

# The queue has no KMS key for certain: `kms_master_key_id` is unset or empty.
_no_key(q) if core.unset(q, ["kms_master_key_id"])

_no_key(q) if core.value_is(q, ["kms_master_key_id"], "")

# Where the finding points: the empty key, else the resource header.
_key_attribute(q) := "kms_master_key_id" if core.value_is(q, ["kms_master_key_id"], "")

_key_attribute(q) := "" if core.unset(q, ["kms_master_key_id"])

# How a message names a queue: `SQS queue "orders"`, else its address.
_describe(q) := sprintf("SQS queue %q", [_name(q)])

_describe(q) := sprintf("SQS queue %s", [q.address]) if not _name(q)

_name(q) := name if {
	core.known(q, ["name"])
	name := core.get(q, ["name"])
	is_string(name)
}

# What the rule could not judge: a queue with no key known to be set whose
# sqs_managed_sse_enabled cannot be known, and one whose kms_master_key_id cannot be known
# and references no resource.
undetermined contains v if {
	some q in core.resources("aws_sqs_queue")
	q.mode == "managed"
	_no_key(q)
	some v in core.unknown_at(q, [["sqs_managed_sse_enabled"]])
}

undetermined contains v if {
	some q in core.resources("aws_sqs_queue")
	q.mode == "managed"
	not core.value_is(q, ["sqs_managed_sse_enabled"], true)
	some v in core.unknown_value_at(q, [["kms_master_key_id"]])
}
