package soc2gate.gcp.storage.versioning_test

import data.soc2gate.gcp.storage.versioning
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := versioning.deny with input as t.input_of(resources)
}

test_no_block_fails_at_the_header if {
	r := t.resource("google_storage_bucket", "b", {"name": "acme"})
	found_for([r]) == {{
		"resource": "google_storage_bucket.b",
		"attribute": "",
		"message": `bucket "acme" has no versioning block, so overwritten and deleted objects cannot be restored; add versioning { enabled = true }`,
	}}
}

test_disabled_fails_at_enabled if {
	r := t.resource("google_storage_bucket", "b", {"versioning": [{"enabled": false}]})
	[v] := [x | some x in found_for([r])]
	v.attribute == "versioning[0].enabled"
}

test_enabled_passes if {
	found_for([t.resource("google_storage_bucket", "b", {"versioning": [{"enabled": true}]})]) == set()
}

test_unknown_block_or_flag_stays_silent if {
	dynamic := t.with_unknown(t.resource("google_storage_bucket", "d", {}), ["versioning"])
	flag := t.with_unknown(t.resource("google_storage_bucket", "f", {"versioning": [{}]}), ["versioning[0].enabled"])
	found_for([dynamic, flag]) == set()
}
