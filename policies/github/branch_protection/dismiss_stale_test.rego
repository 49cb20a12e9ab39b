package soc2gate.github.branch_protection.dismiss_stale_test

import data.soc2gate.github.branch_protection.dismiss_stale
import data.soc2gate.lib.github.inputs_test as t

path := "required_pull_request_reviews[0].dismiss_stale_reviews"

test_false_fails_at_the_setting if {
	inp := t.input_of([t.terraform("main", t.with_reviews(t.compliant, {"dismiss_stale_reviews": false}))])
	found := dismiss_stale.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": path,
		"message": `branch protection for "main" keeps approvals when new commits are pushed (dismiss_stale_reviews is false)`,
	}}
}

test_unset_takes_the_default_false if {
	inp := t.input_of([t.terraform("main", t.without_reviews(t.compliant, ["dismiss_stale_reviews"]))])
	found := dismiss_stale.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": path,
		"message": `branch protection for "main" keeps approvals when new commits are pushed (dismiss_stale_reviews is not set and defaults to false)`,
	}}
}

test_no_review_block_fails_at_the_header if {
	inp := t.input_of([t.terraform("main", object.remove(t.compliant, ["required_pull_request_reviews"]))])
	found := dismiss_stale.deny with input as inp
	[v.attribute | some v in found] == [""]
}

test_true_passes if {
	found := dismiss_stale.deny with input as t.input_of([t.terraform("main", t.compliant)])
	found == set()
}

test_unknown_stays_silent if {
	r := t.with_unknown(t.terraform("main", t.without_reviews(t.compliant, ["dismiss_stale_reviews"])), [path])
	found := dismiss_stale.deny with input as t.input_of([r])
	found == set()
	block := t.with_unknown(
		t.terraform("main", object.remove(t.compliant, ["required_pull_request_reviews"])),
		["required_pull_request_reviews"],
	)
	found_block := dismiss_stale.deny with input as t.input_of([block])
	found_block == set()
}

test_settings_file_and_v3 if {
	yml := t.settings("main", t.with_reviews(t.compliant, {"dismiss_stale_reviews": false}))
	old := t.v3("main", t.without_reviews(t.compliant_v3, ["dismiss_stale_reviews"]))
	fine := t.v3("fine", t.compliant_v3)
	found := dismiss_stale.deny with input as t.input_of([yml, old, fine])
	{[v.resource, v.attribute] | some v in found} == {
		["github_branch_protection.main", path],
		["github_branch_protection_v3.main", path],
	}
}
