package soc2gate.lib.github.protection_test

import data.soc2gate.lib.github.inputs_test as t
import data.soc2gate.lib.github.protection

# --- which protections, and how messages name them ---------------------------------------

test_protections_of_both_types_and_both_sources if {
	tf := t.terraform("main", t.compliant)
	yml := t.settings("main", t.compliant)
	old := t.v3("main", t.compliant_v3)
	data_source := t.resource("github_branch_protection", "data", "main", {})
	found := protection.protections with input as t.input_of([tf, yml, old, data_source])
	found == {tf, yml, old}
}

test_no_protections_in_an_empty_unit if {
	found := protection.protections with input as {"resources": {}}
	found == set()
}

test_describe_names_the_pattern if {
	protection.describe(t.terraform("main", {"pattern": "release/*"})) == `branch protection for "release/*"`
	protection.describe(t.v3("main", {"branch": "main"})) == `branch protection for "main"`
}

test_describe_falls_back_to_the_address if {
	r := t.with_unknown(t.terraform("main", {}), ["pattern"])
	protection.describe(r) == "branch protection github_branch_protection.main"
}

# --- switches ----------------------------------------------------------------------------

test_off_when_false_or_unset if {
	protection.off(t.terraform("p", {"enforce_admins": false}), ["enforce_admins"])
	protection.off(t.terraform("p", {"enforce_admins": "false"}), ["enforce_admins"])
	protection.off(t.terraform("p", {}), ["enforce_admins"])
	not protection.off(t.terraform("p", {"enforce_admins": true}), ["enforce_admins"])
	not protection.off(t.with_unknown(t.terraform("p", {}), ["enforce_admins"]), ["enforce_admins"])
}

test_on_only_when_known_true if {
	protection.on(t.terraform("p", {"allows_force_pushes": true}), ["allows_force_pushes"])
	protection.on(t.terraform("p", {"allows_force_pushes": "true"}), ["allows_force_pushes"])
	not protection.on(t.terraform("p", {}), ["allows_force_pushes"])
	not protection.on(t.terraform("p", {"allows_force_pushes": false}), ["allows_force_pushes"])
	not protection.on(t.with_unknown(t.terraform("p", {}), ["allows_force_pushes"]), ["allows_force_pushes"])
}

test_off_text_tells_false_from_unset if {
	protection.off_text(t.terraform("p", {"enforce_admins": false}), ["enforce_admins"]) == "enforce_admins is false"
	path := protection.review_setting("dismiss_stale_reviews")
	got := protection.off_text(t.terraform("p", {}), path)
	got == "dismiss_stale_reviews is not set and defaults to false"
}

# --- reviews -----------------------------------------------------------------------------

test_no_reviews_only_when_the_block_is_absent if {
	protection.no_reviews(t.terraform("p", {}))
	not protection.no_reviews(t.terraform("p", t.compliant))
	not protection.no_reviews(t.with_unknown(t.terraform("p", {}), ["required_pull_request_reviews"]))
}

test_approvals_default_to_one_in_a_review_block if {
	protection.approvals(t.terraform("p", {"required_pull_request_reviews": [{}]})) == 1
	protection.approvals(t.terraform("p", t.compliant)) == 1
	zero := t.with_reviews(t.compliant, {"required_approving_review_count": 0})
	protection.approvals(t.terraform("p", zero)) == 0
	text := t.with_reviews(t.compliant, {"required_approving_review_count": "2"})
	protection.approvals(t.terraform("p", text)) == 2
}

test_approvals_undefined_without_block_or_when_unknown if {
	not protection.approvals(t.terraform("p", {}))
	path := "required_pull_request_reviews[0].required_approving_review_count"
	unknown := t.with_unknown(t.terraform("p", {"required_pull_request_reviews": [{}]}), [path])
	not protection.approvals(unknown)
}

# --- status checks -----------------------------------------------------------------------

test_names_no_check if {
	protection.names_no_check(t.terraform("p", {"required_status_checks": [{"strict": true}]}))
	protection.names_no_check(t.terraform("p", {"required_status_checks": [{"contexts": []}]}))
	protection.names_no_check(t.v3("p", {"required_status_checks": [{"contexts": [], "checks": []}]}))
}

test_names_a_check_through_contexts_or_v3_checks if {
	not protection.names_no_check(t.terraform("p", t.compliant))
	not protection.names_no_check(t.v3("p", t.compliant_v3))
	not protection.names_no_check(t.terraform("p", {}))
}

test_names_no_check_is_silent_on_unknown_lists if {
	whole := t.with_unknown(
		t.terraform("p", {"required_status_checks": [{"strict": true}]}),
		["required_status_checks[0].contexts"],
	)
	not protection.names_no_check(whole)
	one := t.with_unknown(
		t.terraform("p", {"required_status_checks": [{"contexts": [null]}]}),
		["required_status_checks[0].contexts[0]"],
	)
	not protection.names_no_check(one)
}

test_has_status_checks if {
	protection.has_status_checks(t.terraform("p", {"required_status_checks": [{}]}))
	not protection.has_status_checks(t.terraform("p", {}))
	not protection.has_status_checks(t.with_unknown(t.terraform("p", {}), ["required_status_checks"]))
	protection.no_status_checks(t.terraform("p", {}))
	not protection.no_status_checks(t.with_unknown(t.terraform("p", {}), ["required_status_checks"]))
}

# --- repositories and joins --------------------------------------------------------------

repo := t.resource("github_repository", "managed", "api", {"name": "api"})

other_repo := t.resource("github_repository", "managed", "web", {"name": "web"})

settings_repo := t.resource("github_repository", "settings", "api", {"name": "api"})

test_repositories_leave_out_data_sources if {
	api := repo
	yml := settings_repo
	reader := t.resource("github_repository", "data", "api", {"name": "api"})
	found := protection.repositories with input as t.input_of([api, reader, yml])
	found == {api, yml}
}

test_joined_by_reference if {
	p := t.with_refs(
		t.with_unknown(t.terraform("p", {"pattern": "main"}), ["repository_id"]),
		{"repository_id": ["github_repository.api"]},
	)
	protection.joined(p, repo)
	not protection.joined(p, other_repo)
}

test_joined_by_reference_to_all_instances if {
	counted := t.resource("github_repository", "managed", "api[0]", {"name": "api"})
	d := t.with_refs(
		t.resource("github_branch_default", "managed", "d", {"branch": "main"}),
		{"repository": ["github_repository.api"]},
	)
	protection.joined(d, counted)
}

test_joined_by_literal_name if {
	protection.joined(t.terraform("p", {"repository_id": "api"}), repo)
	protection.joined(t.v3("p", {"repository": "api"}), repo)
	not protection.joined(t.terraform("p", {"repository_id": "web"}), repo)
	not protection.may_join(t.terraform("p", {"repository_id": "web"}), repo)
}

test_settings_belong_to_the_settings_repository if {
	protection.joined(t.settings("main", {}), settings_repo)
	not protection.joined(t.settings("main", {}), repo)
	not protection.joined(t.terraform("p", {"repository_id": "api"}), settings_repo)
}

test_may_join_an_unknown_repository_that_names_no_other if {
	api := repo
	web := other_repo
	p := t.with_unknown(t.terraform("p", {}), ["repository_id"])
	protection.may_join(p, api) with input as t.input_of([api, web])
	not protection.joined(p, api)
	via_data := t.with_refs(p, {"repository_id": ["data.github_repository.api"]})
	protection.may_join(via_data, api) with input as t.input_of([api, web])
}

test_a_reference_to_another_repository_does_not_join if {
	api := repo
	web := other_repo
	p := t.with_refs(
		t.with_unknown(t.terraform("p", {}), ["repository_id"]),
		{"repository_id": ["github_repository.web"]},
	)
	not protection.may_join(p, api) with input as t.input_of([api, web])
}

test_may_join_when_the_repository_name_is_unknown if {
	unnamed := t.with_unknown(t.resource("github_repository", "managed", "x", {}), ["name"])
	protection.may_join(t.terraform("p", {"repository_id": "api"}), unnamed)
	not protection.joined(t.terraform("p", {"repository_id": "api"}), unnamed)
}

test_a_node_id_may_be_any_repository if {
	api := repo
	protection.may_join(t.terraform("p", {"repository_id": "R_kgDOH1a2bQ"}), api) with input as t.input_of([api])
	not protection.may_join(t.terraform("p", {"repository_id": "web"}), api) with input as t.input_of([api])
}

# --- default branches --------------------------------------------------------------------

test_default_branch_is_main_unless_set if {
	api := repo
	got := protection.default_branches(api) with input as t.input_of([api])
	got == {"main"}
	trunk := t.resource("github_repository", "settings", "api", {"default_branch": "trunk"})
	got_trunk := protection.default_branches(trunk) with input as t.input_of([trunk])
	got_trunk == {"trunk"}
}

test_default_branch_from_a_joined_branch_default if {
	api := repo
	d := t.resource("github_branch_default", "managed", "d", {"repository": "api", "branch": "develop"})
	got := protection.default_branches(api) with input as t.input_of([api, d])
	got == {"develop"}
}

test_default_branch_unknown if {
	api := repo
	unknown_value := t.with_unknown(
		t.resource("github_repository", "managed", "api", {"name": "api"}),
		["default_branch"],
	)
	not protection.default_branches(unknown_value) with input as t.input_of([unknown_value])

	unknown_branch := t.with_unknown(
		t.resource("github_branch_default", "managed", "d", {"repository": "api"}),
		["branch"],
	)
	not protection.default_branches(api) with input as t.input_of([api, unknown_branch])

	unknown_join := t.with_unknown(
		t.resource("github_branch_default", "managed", "d", {"branch": "develop"}),
		["repository"],
	)
	not protection.default_branches(api) with input as t.input_of([api, unknown_join])
}

test_a_branch_default_of_another_repository_does_not_count if {
	api := repo
	d := t.resource("github_branch_default", "managed", "d", {"repository": "web", "branch": "develop"})
	got := protection.default_branches(api) with input as t.input_of([api, d])
	got == {"main"}
}

# --- coverage ----------------------------------------------------------------------------

test_patterns if {
	protection.pattern_may_match("main", "main")
	protection.pattern_may_match("*", "main")
	protection.pattern_may_match("ma[a-z]n", "main")
	protection.pattern_may_match("release/*", "release/1.0")
	not protection.pattern_may_match("release/*", "main")
	not protection.pattern_may_match("*", "release/1.0")
	not protection.pattern_may_match("mai", "main")
}

test_patterns_that_are_not_plain_globs_may_match if {
	protection.pattern_may_match("{main,dev}", "main")
	protection.pattern_may_match("[unclosed", "main")
}

test_protection_covers_by_pattern if {
	api := repo
	web := other_repo
	p := t.terraform("p", {"repository_id": "api", "pattern": "ma*"})
	protection.may_cover(api, "main") with input as t.input_of([api, p])
	not protection.may_cover(api, "develop") with input as t.input_of([api, p])
	not protection.may_cover(web, "main") with input as t.input_of([web, p])
}

test_protection_with_unknown_pattern_may_cover if {
	api := repo
	p := t.with_unknown(t.terraform("p", {"repository_id": "api"}), ["pattern"])
	protection.may_cover(api, "main") with input as t.input_of([api, p])
}

ruleset(values) := t.resource("github_repository_ruleset", "managed", "r", object.union(
	{"repository": "api", "target": "branch", "enforcement": "active"},
	values,
))

ref_names(include, exclude) := {"conditions": [{"ref_name": [{"include": include, "exclude": exclude}]}]}

test_ruleset_covers_by_ref_name if {
	api := repo
	every include in [["~DEFAULT_BRANCH"], ["~ALL"], ["refs/heads/main"], ["refs/heads/ma*"]] {
		protection.may_cover(api, "main") with input as t.input_of([api, ruleset(ref_names(include, []))])
	}
	release := ruleset(ref_names(["refs/heads/release/*"], []))
	not protection.may_cover(api, "main") with input as t.input_of([api, release])
}

test_ruleset_that_does_not_protect_the_branch if {
	api := repo
	tags := ruleset(object.union(ref_names(["~ALL"], []), {"target": "tag"}))
	not protection.may_cover(api, "main") with input as t.input_of([api, tags])
	every mode in ["disabled", "evaluate"] {
		off := ruleset(object.union(ref_names(["~ALL"], []), {"enforcement": mode}))
		not protection.may_cover(api, "main") with input as t.input_of([api, off])
	}
	excluded := ruleset(ref_names(["~ALL"], ["refs/heads/main"]))
	not protection.may_cover(api, "main") with input as t.input_of([api, excluded])
	no_conditions := ruleset({})
	not protection.may_cover(api, "main") with input as t.input_of([api, no_conditions])
}

test_ruleset_with_unknown_parts_may_cover if {
	api := repo
	include := t.with_unknown(
		ruleset({"conditions": [{"ref_name": [{"exclude": []}]}]}),
		["conditions[0].ref_name[0].include"],
	)
	protection.may_cover(api, "main") with input as t.input_of([api, include])
	element := t.with_unknown(ruleset(ref_names([null], [])), ["conditions[0].ref_name[0].include[0]"])
	protection.may_cover(api, "main") with input as t.input_of([api, element])
	target := t.with_unknown(
		t.resource("github_repository_ruleset", "managed", "r", object.union(
			{"repository": "api", "enforcement": "active"},
			ref_names(["~ALL"], []),
		)),
		["target"],
	)
	protection.may_cover(api, "main") with input as t.input_of([api, target])
}
