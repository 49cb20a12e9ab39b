package soc2gate.github.branch_protection.status_checks_test

import data.soc2gate.github.branch_protection.status_checks
import data.soc2gate.lib.github.inputs_test as t

strict := "required_status_checks[0].strict"

contexts := "required_status_checks[0].contexts"

test_no_block_fails_at_the_header if {
	inp := t.input_of([t.terraform("main", object.remove(t.compliant, ["required_status_checks"]))])
	found := status_checks.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "",
		"message": `branch protection for "main" requires no status checks (required_status_checks is not set)`,
	}}
}

test_not_strict_fails_at_strict if {
	inp := t.input_of([t.terraform("main", t.with_checks(t.compliant, {"strict": false, "contexts": ["ci/test"]}))])
	found := status_checks.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": strict,
		"message": `branch protection for "main" does not require the branch to be up to date before merging (strict is false)`,
	}}
}

test_strict_defaults_to_false if {
	inp := t.input_of([t.terraform("main", t.with_checks(t.compliant, {"contexts": ["ci/test"]}))])
	found := status_checks.deny with input as inp
	[v.attribute | some v in found] == [strict]
}

test_no_check_named_fails_at_contexts if {
	inp := t.input_of([t.terraform("main", t.with_checks(t.compliant, {"strict": true, "contexts": []}))])
	found := status_checks.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": contexts,
		"message": `branch protection for "main" requires no status checks (no contexts are listed)`,
	}}
}

test_an_empty_block_fails_twice if {
	inp := t.input_of([t.terraform("main", t.with_checks(t.compliant, {}))])
	found := status_checks.deny with input as inp
	{v.attribute | some v in found} == {strict, contexts}
}

test_strict_with_checks_passes if {
	found := status_checks.deny with input as t.input_of([t.terraform("main", t.compliant)])
	found == set()
}

test_unknown_values_stay_silent if {
	r := t.with_unknown(t.terraform("main", t.with_checks(t.compliant, {})), [strict, contexts])
	found := status_checks.deny with input as t.input_of([r])
	found == set()
	block := t.with_unknown(
		t.terraform("main", object.remove(t.compliant, ["required_status_checks"])),
		["required_status_checks"],
	)
	found_block := status_checks.deny with input as t.input_of([block])
	found_block == set()
}

test_settings_file if {
	yml := t.settings("main", t.with_checks(t.compliant, {"strict": false, "contexts": ["ci/test"]}))
	none := t.settings("dev", object.remove(t.compliant, ["required_status_checks"]))
	found := status_checks.deny with input as t.input_of([yml, none])
	{[v.resource, v.attribute] | some v in found} == {
		["github_branch_protection.main", strict],
		["github_branch_protection.dev", ""],
	}
}

test_v3_checks_count_as_checks if {
	checks := t.v3("checks", t.compliant_v3)
	legacy := t.v3("legacy", t.with_checks(t.compliant_v3, {"strict": true, "contexts": ["ci/test"]}))
	none := t.v3("none", t.with_checks(t.compliant_v3, {"strict": true, "checks": []}))
	found := status_checks.deny with input as t.input_of([checks, legacy, none])
	{[v.resource, v.attribute] | some v in found} == {["github_branch_protection_v3.none", contexts]}
}
