# METADATA
# title: SNS topics are encrypted with a KMS key
# description: >-
#   Every `aws_sns_topic` must set `kms_master_key_id` (a customer managed KMS key, or
#   the AWS managed key `alias/aws/sns`), so that its messages are encrypted at rest.
#   SNS does not encrypt topics unless a key is set: a topic without
#   `kms_master_key_id`, or with an empty one, is reported. A key that cannot be known
#   statically (a reference to an `aws_kms_key`, a variable without a default) counts
#   as set.
# custom:
#   id: aws-sns-encryption
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_sns_topic]
#   remediation: |
#     Set a KMS key on the topic, preferably a customer managed one (its key policy must
#     let the publishing services use it):
#
#     ```hcl
#     resource "aws_sns_topic" "alerts" {
#       name              = "alerts"
#       kms_master_key_id = aws_kms_key.sns.arn
#     }
#     ```
package soc2gate.aws.sns.encryption

import data.soc2gate.lib.core

deny contains v if {
	some topic in core.resources("aws_sns_topic")
	topic.mode == "managed"
	core.unset(topic, ["kms_master_key_id"])
	v := core.violation(topic, "", sprintf(
		"%s has no kms_master_key_id, so its messages are not encrypted at rest; set a KMS key such as alias/aws/sns or a customer managed key",
		[_describe(topic)],
	))
}

deny contains v if {
	some topic in core.resources("aws_sns_topic")
	topic.mode == "managed"
	core.value_is(topic, ["kms_master_key_id"], "")
	v := core.violation(topic, "kms_master_key_id", sprintf(
		"%s has an empty kms_master_key_id, so its messages are not encrypted at rest; set a KMS key such as alias/aws/sns or a customer managed key",
		[_describe(topic)],
	))
}

# How a message names a topic: `SNS topic "alerts"`, else its address.
_describe(topic) := sprintf("SNS topic %q", [_name(topic)])

_describe(topic) := sprintf("SNS topic %s", [topic.address]) if not _name(topic)

_name(topic) := name if {
	core.known(topic, ["name"])
	name := core.get(topic, ["name"])
	is_string(name)
}

# What the rule could not judge: a kms_master_key_id that cannot be known and references
# no resource (a variable without a default may be empty).
undetermined contains v if {
	some topic in core.resources("aws_sns_topic")
	topic.mode == "managed"
	some v in core.unknown_value_at(topic, [["kms_master_key_id"]])
}
