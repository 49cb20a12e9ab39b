package soc2gate.gcp.storage.public_access_prevention_test

import data.soc2gate.gcp.storage.public_access_prevention
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := public_access_prevention.deny with input as t.input_of(resources)
}

test_unset_fails_at_the_header if {
	r := t.resource("google_storage_bucket", "b", {"name": "acme-data"})
	found_for([r]) == {{
		"resource": "google_storage_bucket.b",
		"attribute": "",
		"message": `bucket "acme-data" does not set public_access_prevention: the default, "inherited", protects it only while an organization policy does; set public_access_prevention = "enforced"`,
	}}
}

test_inherited_fails_at_the_attribute if {
	r := t.resource("google_storage_bucket", "b", {"public_access_prevention": "inherited"})
	[v] := [x | some x in found_for([r])]
	v.attribute == "public_access_prevention"
	contains(v.message, `bucket google_storage_bucket.b sets public_access_prevention to "inherited"`)
}

test_enforced_passes if {
	r := t.resource("google_storage_bucket", "b", {"public_access_prevention": "enforced"})
	found_for([r]) == set()
}

test_unknown_and_data_sources_stay_silent if {
	r := t.with_unknown(t.resource("google_storage_bucket", "b", {}), ["public_access_prevention"])
	d := t.data_source("google_storage_bucket", "d", {})
	found_for([r, d]) == set()
}
