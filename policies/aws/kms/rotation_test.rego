package soc2gate.aws.kms.rotation_test

import data.soc2gate.aws.kms.rotation
import data.soc2gate.lib.aws.inputs_test as t

key(values) := t.resource("aws_kms_key", "logs", object.union({"description": "Encrypts the audit logs"}, values))

found_for(keys) := found if {
	found := rotation.deny with input as t.input_of(keys)
}

test_unset_rotation_fails_at_the_header if {
	found_for([key({})]) == {{
		"resource": "aws_kms_key.logs",
		"attribute": "",
		"message": "KMS key aws_kms_key.logs does not rotate its key material: enable_key_rotation is unset and defaults to false; set enable_key_rotation = true",
	}}
}

test_rotation_false_fails_at_the_attribute if {
	found_for([key({"enable_key_rotation": false})]) == {{
		"resource": "aws_kms_key.logs",
		"attribute": "enable_key_rotation",
		"message": "KMS key aws_kms_key.logs does not rotate its key material: enable_key_rotation is false; set enable_key_rotation = true",
	}}
}

test_rotation_enabled_passes if {
	found_for([key({"enable_key_rotation": true})]) == set()
	found_for([key({"enable_key_rotation": true, "rotation_period_in_days": 90})]) == set()
	found_for([key({"enable_key_rotation": "true"})]) == set()
}

test_explicit_symmetric_defaults_are_judged if {
	k := key({"customer_master_key_spec": "SYMMETRIC_DEFAULT", "key_usage": "ENCRYPT_DECRYPT", "multi_region": true})
	count(found_for([k])) == 1
}

test_asymmetric_and_hmac_keys_are_exempt if {
	rsa := t.resource("aws_kms_key", "signing", {"customer_master_key_spec": "RSA_4096", "key_usage": "SIGN_VERIFY"})
	ecc := t.resource("aws_kms_key", "ecc", {"customer_master_key_spec": "ECC_NIST_P256", "key_usage": "SIGN_VERIFY"})
	rsa_encrypt := t.resource("aws_kms_key", "rsa_encrypt", {"customer_master_key_spec": "RSA_2048", "key_usage": "ENCRYPT_DECRYPT"})
	hmac := t.resource("aws_kms_key", "hmac", {"customer_master_key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})
	found_for([rsa, ecc, rsa_encrypt, hmac]) == set()
}

test_custom_key_store_keys_are_exempt if {
	cloudhsm := key({"custom_key_store_id": "cks-1234567890abcdef0"})
	referenced := t.with_unknown(t.with_refs(t.resource("aws_kms_key", "xks", {}), {"custom_key_store_id": ["aws_kms_custom_key_store.xks"]}), ["custom_key_store_id"])
	found_for([cloudhsm, referenced]) == set()
}

test_unknown_values_stay_silent if {
	rotation_unknown := t.with_unknown(key({}), ["enable_key_rotation"])
	spec_unknown := t.with_unknown(t.resource("aws_kms_key", "spec", {}), ["customer_master_key_spec"])
	usage_unknown := t.with_unknown(t.resource("aws_kms_key", "usage", {}), ["key_usage"])
	found_for([rotation_unknown, spec_unknown, usage_unknown]) == set()
}

test_data_sources_are_not_judged if {
	d := t.data_source("aws_kms_key", "existing", {"key_id": "alias/existing"})
	found_for([d]) == set()
}
