package soc2gate.aws.efs.encryption_test

import data.soc2gate.aws.efs.encryption
import data.soc2gate.lib.aws.inputs_test as t

fs(values) := t.resource("aws_efs_file_system", "shared", object.union({"creation_token": "shared"}, values))

test_unset_fails_at_the_header if {
	r := fs({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_efs_file_system.shared",
		"attribute": "",
		"message": `EFS file system "shared" does not set encrypted, which defaults to false: its data is not encrypted at rest; set encrypted = true`,
	}}
}

test_disabled_fails_at_the_attribute if {
	r := fs({"encrypted": false})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_efs_file_system.shared",
		"attribute": "encrypted",
		"message": `EFS file system "shared" sets encrypted = false: its data is not encrypted at rest; set encrypted = true`,
	}}
}

test_disabled_as_a_string_fails if {
	r := fs({"encrypted": "false"})
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_key_without_encrypted_fails if {
	r := t.with_unknown(fs({}), ["kms_key_id"])
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_encrypted_passes if {
	a := fs({"encrypted": true})
	b := t.resource("aws_efs_file_system", "b", {"encrypted": "true"})
	found := encryption.deny with input as t.input_of([a, b])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(fs({}), ["encrypted"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_described_by_name_tag_then_address if {
	tagged := t.resource("aws_efs_file_system", "tagged", {"tags": {"Name": "media"}})
	bare := t.resource("aws_efs_file_system", "bare", {})
	found := encryption.deny with input as t.input_of([tagged, bare])
	messages := {v.message | some v in found}
	count(messages) == 2
	some m1 in messages
	startswith(m1, `EFS file system "media" does not set encrypted`)
	some m2 in messages
	startswith(m2, "EFS file system aws_efs_file_system.bare does not set encrypted")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_efs_file_system", "existing", {"creation_token": "existing"})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}
