package soc2gate.gcp.storage.uniform_access_test

import data.soc2gate.gcp.storage.uniform_access
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := uniform_access.deny with input as t.input_of(resources)
}

test_unset_fails_at_the_header if {
	r := t.resource("google_storage_bucket", "b", {"name": "acme"})
	[v] := [x | some x in found_for([r])]
	v.attribute == ""
	startswith(v.message, `bucket "acme" does not set uniform_bucket_level_access, which defaults to false`)
}

test_false_fails_at_the_attribute if {
	r := t.resource("google_storage_bucket", "b", {"uniform_bucket_level_access": false})
	found_for([r]) == {{
		"resource": "google_storage_bucket.b",
		"attribute": "uniform_bucket_level_access",
		"message": "bucket google_storage_bucket.b sets uniform_bucket_level_access to false: object ACLs can grant access its IAM policy does not show; set it to true",
	}}
}

test_true_passes if {
	found_for([t.resource("google_storage_bucket", "b", {"uniform_bucket_level_access": true})]) == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(t.resource("google_storage_bucket", "b", {}), ["uniform_bucket_level_access"])
	found_for([r]) == set()
}
