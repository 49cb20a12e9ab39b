# METADATA
# title: KMS symmetric encryption keys rotate automatically
# description: >-
#   Every `aws_kms_key` that is a symmetric encryption key (`customer_master_key_spec`
#   unset or `SYMMETRIC_DEFAULT`, and `key_usage` unset or `ENCRYPT_DECRYPT`: the provider
#   defaults) must set `enable_key_rotation = true`, so that KMS creates new key material
#   every year (or every `rotation_period_in_days`). Unset, `enable_key_rotation` defaults
#   to false and the key is reported. Exempt, because AWS cannot rotate them
#   automatically: asymmetric keys (`RSA_*`, `ECC_*`, `SM2` specs), HMAC keys (`HMAC_*`,
#   `GENERATE_VERIFY_MAC`) and keys in a custom key store (`custom_key_store_id` set). A
#   key spec, key usage, key store or rotation setting that cannot be known statically is
#   not judged.
# custom:
#   id: aws-kms-rotation
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [aws_kms_key]
#   remediation: |
#     Turn on automatic rotation:
#
#     ```hcl
#     resource "aws_kms_key" "logs" {
#       description         = "Encrypts the audit logs"
#       enable_key_rotation = true
#     }
#     ```
package soc2gate.aws.kms.rotation

import data.soc2gate.lib.core

_fix := "set enable_key_rotation = true"

deny contains v if {
	some key in _symmetric_keys
	core.unset(key, ["enable_key_rotation"])
	v := core.violation(key, "", sprintf(
		"KMS key %s does not rotate its key material: enable_key_rotation is unset and defaults to false; %s",
		[key.address, _fix],
	))
}

deny contains v if {
	some key in _symmetric_keys
	core.known(key, ["enable_key_rotation"])
	value := core.get(key, ["enable_key_rotation"])
	not value in {true, "true"}
	v := core.violation(key, "enable_key_rotation", sprintf(
		"KMS key %s does not rotate its key material: enable_key_rotation is %v; %s",
		[key.address, value, _fix],
	))
}

# Managed symmetric encryption keys in the default key store: the keys KMS can rotate.
_symmetric_keys := [key |
	some key in core.resources("aws_kms_key")
	key.mode == "managed"
	_unset_or(key, "customer_master_key_spec", "SYMMETRIC_DEFAULT")
	_unset_or(key, "key_usage", "ENCRYPT_DECRYPT")
	core.unset(key, ["custom_key_store_id"])
]

_unset_or(key, attribute, default_value) if core.unset(key, [attribute])

_unset_or(key, attribute, default_value) if core.value_is(key, [attribute], default_value)

# What the rule could not judge: an enable_key_rotation that cannot be known, and a key
# whose spec, usage or key store cannot be known (rotation applies to symmetric keys in
# the AWS key store only).
undetermined contains v if {
	some key in _symmetric_keys
	some v in core.unknown_at(key, [["enable_key_rotation"]])
}

undetermined contains v if {
	some key in core.resources("aws_kms_key")
	key.mode == "managed"
	some v in core.unknown_at(key, [["customer_master_key_spec"], ["key_usage"], ["custom_key_store_id"]])
}
