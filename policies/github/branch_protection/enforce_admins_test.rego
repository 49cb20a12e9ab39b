package soc2gate.github.branch_protection.enforce_admins_test

import data.soc2gate.github.branch_protection.enforce_admins
import data.soc2gate.lib.github.inputs_test as t

test_false_fails if {
	inp := t.input_of([t.terraform("main", object.union(t.compliant, {"enforce_admins": false}))])
	found := enforce_admins.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "enforce_admins",
		"message": `branch protection for "main" lets administrators bypass it (enforce_admins is false)`,
	}}
}

test_unset_takes_the_default_false if {
	inp := t.input_of([t.terraform("main", object.remove(t.compliant, ["enforce_admins"]))])
	found := enforce_admins.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "enforce_admins",
		"message": `branch protection for "main" lets administrators bypass it (enforce_admins is not set and defaults to false)`,
	}}
}

test_true_passes if {
	found := enforce_admins.deny with input as t.input_of([t.terraform("main", t.compliant), t.v3("main", t.compliant_v3)])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(t.terraform("main", object.remove(t.compliant, ["enforce_admins"])), ["enforce_admins"])
	found := enforce_admins.deny with input as t.input_of([r])
	found == set()
}

test_settings_file_and_v3 if {
	yml := t.settings("main", object.union(t.compliant, {"enforce_admins": false}))
	old := t.v3("main", object.remove(t.compliant_v3, ["enforce_admins"]))
	found := enforce_admins.deny with input as t.input_of([yml, old])
	{v.resource | some v in found} == {"github_branch_protection.main", "github_branch_protection_v3.main"}
}

test_unknown_pattern_names_the_address if {
	r := t.with_unknown(
		t.terraform("main", object.remove(object.union(t.compliant, {"enforce_admins": false}), ["pattern"])),
		["pattern"],
	)
	found := enforce_admins.deny with input as t.input_of([r])
	[v.message | some v in found] == ["branch protection github_branch_protection.main lets administrators bypass it (enforce_admins is false)"]
}
