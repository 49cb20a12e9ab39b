package soc2gate.gcp.gke.secrets_encryption_test

import data.soc2gate.gcp.gke.secrets_encryption
import data.soc2gate.lib.inputs_test as t

found_for(resources) := found if {
	found := secrets_encryption.deny with input as t.input_of(resources)
}

test_no_block_fails_at_the_header if {
	found_for([t.resource("google_container_cluster", "c", {"name": "main"})]) == {{
		"resource": "google_container_cluster.c",
		"attribute": "",
		"message": `GKE cluster "main" has no database_encryption block, so its Kubernetes secrets are not encrypted with a Cloud KMS key; add database_encryption { state = "ENCRYPTED" key_name = ... }`,
	}}
}

test_decrypted_fails_at_the_state if {
	[v] := [x | some x in found_for([t.resource("google_container_cluster", "c", {"database_encryption": [{"state": "DECRYPTED"}]})])]
	v.attribute == "database_encryption[0].state"
	contains(v.message, `sets database_encryption.state to "DECRYPTED"`)
}

test_encrypted_passes if {
	found_for([t.resource("google_container_cluster", "c", {"database_encryption": [{"state": "ENCRYPTED", "key_name": "k"}]})]) == set()
}

test_unknown_stays_silent if {
	block := t.with_unknown(t.resource("google_container_cluster", "b", {}), ["database_encryption"])
	state := t.with_unknown(t.resource("google_container_cluster", "s", {"database_encryption": [{}]}), ["database_encryption[0].state"])
	found_for([block, state]) == set()
}
