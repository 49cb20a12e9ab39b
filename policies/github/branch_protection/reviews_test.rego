package soc2gate.github.branch_protection.reviews_test

import data.soc2gate.github.branch_protection.reviews
import data.soc2gate.lib.github.inputs_test as t

count_path := "required_pull_request_reviews[0].required_approving_review_count"

test_no_review_block_fails_at_the_header if {
	inp := t.input_of([t.terraform("main", object.remove(t.compliant, ["required_pull_request_reviews"]))])
	found := reviews.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": "",
		"message": `branch protection for "main" does not require pull request reviews (required_pull_request_reviews is not set)`,
	}}
}

test_zero_approvals_fail_at_the_count if {
	inp := t.input_of([t.terraform("main", t.with_reviews(t.compliant, {"required_approving_review_count": 0}))])
	found := reviews.deny with input as inp
	found == {{
		"resource": "github_branch_protection.main",
		"attribute": count_path,
		"message": `branch protection for "main" requires no approving review (required_approving_review_count is 0)`,
	}}
}

test_one_or_more_approvals_pass if {
	two := t.terraform("two", t.with_reviews(t.compliant, {"required_approving_review_count": 2}))
	inp := t.input_of([t.terraform("main", t.compliant), two])
	found := reviews.deny with input as inp
	found == set()
}

test_the_count_defaults_to_one_in_a_review_block if {
	inp := t.input_of([t.terraform("main", t.without_reviews(t.compliant, ["required_approving_review_count"]))])
	found := reviews.deny with input as inp
	found == set()
}

test_unknown_count_stays_silent if {
	r := t.with_unknown(
		t.terraform("main", t.without_reviews(t.compliant, ["required_approving_review_count"])),
		[count_path],
	)
	found := reviews.deny with input as t.input_of([r])
	found == set()
}

test_unknown_block_stays_silent if {
	# A `dynamic "required_pull_request_reviews"` block.
	r := t.with_unknown(
		t.terraform("main", object.remove(t.compliant, ["required_pull_request_reviews"])),
		["required_pull_request_reviews"],
	)
	found := reviews.deny with input as t.input_of([r])
	found == set()
}

test_settings_file_protection if {
	missing := t.settings("main", object.remove(t.compliant, ["required_pull_request_reviews"]))
	zero := t.settings("release", t.with_reviews(t.compliant, {"required_approving_review_count": 0}))
	fine := t.settings("dev", t.compliant)
	found := reviews.deny with input as t.input_of([missing, zero, fine])
	{[v.resource, v.attribute] | some v in found} == {
		["github_branch_protection.main", ""],
		["github_branch_protection.release", count_path],
	}
}

test_v3 if {
	missing := t.v3("main", object.remove(t.compliant_v3, ["required_pull_request_reviews"]))
	zero := t.v3("zero", t.with_reviews(t.compliant_v3, {"required_approving_review_count": 0}))
	fine := t.v3("fine", t.compliant_v3)
	found := reviews.deny with input as t.input_of([missing, zero, fine])
	{[v.resource, v.attribute] | some v in found} == {
		["github_branch_protection_v3.main", ""],
		["github_branch_protection_v3.zero", count_path],
	}
}
