package soc2gate.gcp.kms.rotation_test

import data.soc2gate.gcp.kms.rotation
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := rotation.deny with input as t.input_of(resources)
}

key(values) := t.resource("google_kms_crypto_key", "k", values)

test_no_rotation_fails_at_the_header if {
	found_for([key({"name": "data"})]) == {{
		"resource": "google_kms_crypto_key.k",
		"attribute": "",
		"message": `KMS key "data" has no rotation_period, so its key material never rotates; set rotation_period to at most 90 days ("7776000s")`,
	}}
}

test_long_rotation_fails_at_the_period if {
	found_for([key({"name": "data", "rotation_period": "31536000s"})]) == {{
		"resource": "google_kms_crypto_key.k",
		"attribute": "rotation_period",
		"message": `KMS key "data" rotates every 31536000s (365 days), longer than the 90 days allowed; set rotation_period to at most "7776000s"`,
	}}
}

test_ninety_days_or_less_passes if {
	found_for([key({"rotation_period": "7776000s"})]) == set()
	found_for([key({"rotation_period": "86400.5s", "purpose": "ENCRYPT_DECRYPT"})]) == set()
}

test_parameter if {
	found := rotation.deny with input as t.input_of([key({"rotation_period": "7776000s"})])
		with data.params as {"gcp-kms-rotation": {"max_days": 30}}
	count(found) == 1
}

test_invalid_parameter if {
	msgs := rotation.invalid_params with data.params as {"gcp-kms-rotation": {"max_days": "ninety"}}
	msgs == {`max_days must be a positive whole number of days (e.g. 90), not "ninety"`}
}

test_asymmetric_keys_are_exempt if {
	found_for([key({"purpose": "ASYMMETRIC_SIGN"})]) == set()
	found_for([key({"purpose": "MAC"})]) == set()
}

test_unknown_stays_silent if {
	period := t.with_unknown(key({}), ["rotation_period"])
	purpose := t.with_unknown(t.resource("google_kms_crypto_key", "p", {}), ["purpose"])
	found_for([period, purpose]) == set()
}
