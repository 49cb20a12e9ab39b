package soc2gate.github.branch_protection.code_owners_test

import data.soc2gate.github.branch_protection.code_owners
import data.soc2gate.lib.github.inputs_test as t

path := "required_pull_request_reviews[0].require_code_owner_reviews"

test_false_fails_at_the_setting if {
	inp := t.input_of([t.terraform("main", t.with_reviews(t.compliant, {"require_code_owner_reviews": false}))])
	found := code_owners.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": path,
		"message": `branch protection for "main" does not require review from code owners (require_code_owner_reviews is false)`,
	}}
}

test_unset_takes_the_default_false if {
	inp := t.input_of([t.terraform("main", t.without_reviews(t.compliant, ["require_code_owner_reviews"]))])
	found := code_owners.deny with input as inp
	[v.attribute | some v in found] == [path]
}

test_no_review_block_fails_at_the_header if {
	inp := t.input_of([t.terraform("main", object.remove(t.compliant, ["required_pull_request_reviews"]))])
	found := code_owners.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "",
		"message": `branch protection for "main" requires no pull request reviews, so code owners need not review (required_pull_request_reviews is not set)`,
	}}
}

test_true_passes if {
	found := code_owners.deny with input as t.input_of([t.terraform("main", t.compliant)])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(t.terraform("main", t.without_reviews(t.compliant, ["require_code_owner_reviews"])), [path])
	found := code_owners.deny with input as t.input_of([r])
	found == set()
}

test_settings_file_and_v3 if {
	yml := t.settings("main", t.without_reviews(t.compliant, ["require_code_owner_reviews"]))
	old := t.v3("main", t.with_reviews(t.compliant_v3, {"require_code_owner_reviews": false}))
	fine := t.settings("fine", t.compliant)
	found := code_owners.deny with input as t.input_of([yml, old, fine])
	{[v.resource, v.attribute] | some v in found} == {
		["github_branch_protection.main", path],
		["github_branch_protection_v3.main", path],
	}
}
