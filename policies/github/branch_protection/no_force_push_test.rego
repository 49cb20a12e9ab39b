package soc2gate.github.branch_protection.no_force_push_test

import data.soc2gate.github.branch_protection.no_force_push
import data.soc2gate.lib.github.inputs_test as t

test_force_pushes_fail if {
	inp := t.input_of([t.terraform("main", object.union(t.compliant, {"allows_force_pushes": true}))])
	found := no_force_push.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "allows_force_pushes",
		"message": `branch protection for "main" allows force pushes (allows_force_pushes is true)`,
	}}
}

test_deletions_fail if {
	inp := t.input_of([t.terraform("main", object.union(t.compliant, {"allows_deletions": true}))])
	found := no_force_push.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "allows_deletions",
		"message": `branch protection for "main" allows deletion of the branch (allows_deletions is true)`,
	}}
}

test_both_fail_separately if {
	values := object.union(t.compliant, {"allows_force_pushes": true, "allows_deletions": "true"})
	found := no_force_push.deny with input as t.input_of([t.terraform("main", values)])
	{v.attribute | some v in found} == {"allows_force_pushes", "allows_deletions"}
}

test_false_or_unset_passes if {
	unset := t.terraform("unset", object.remove(t.compliant, ["allows_force_pushes", "allows_deletions"]))
	found := no_force_push.deny with input as t.input_of([t.terraform("main", t.compliant), unset])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(
		t.terraform("main", object.remove(t.compliant, ["allows_force_pushes", "allows_deletions"])),
		["allows_force_pushes", "allows_deletions"],
	)
	found := no_force_push.deny with input as t.input_of([r])
	found == set()
}

test_settings_file if {
	yml := t.settings("main", object.union(t.compliant, {"allows_force_pushes": true}))
	found := no_force_push.deny with input as t.input_of([yml])
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "allows_force_pushes",
		"message": `branch protection for "main" allows force pushes (allow_force_pushes is true)`,
	}}
}

test_v3_has_no_such_settings_and_passes if {
	found := no_force_push.deny with input as t.input_of([t.v3("main", t.compliant_v3)])
	found == set()
}
