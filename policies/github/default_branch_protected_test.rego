package soc2gate.github.default_branch_protected_test

import data.soc2gate.github.default_branch_protected as rule
import data.soc2gate.lib.github.inputs_test as t

repo := t.resource("github_repository", "managed", "api", {"name": "api"})

# `repository_id = github_repository.api.node_id`
by_reference(p) := t.with_refs(
	t.with_unknown(object.union(p, {"values": object.remove(p.values, ["repository_id"])}), ["repository_id"]),
	{"repository_id": ["github_repository.api"]},
)

test_an_unprotected_repository_fails_at_its_header if {
	api := repo
	found := rule.deny with input as t.input_of([api])
	found == {{
		"resource": "github_repository.api",
		"attribute": "",
		"message": `repository "api" has no branch protection or ruleset covering its default branch "main"`,
	}}
}

test_protected_by_reference if {
	api := repo
	p := by_reference(t.terraform("main", t.compliant))
	found := rule.deny with input as t.input_of([api, p])
	found == set()
}

test_protected_by_literal_name_and_glob if {
	api := repo
	p := t.terraform("all", object.union(t.compliant, {"pattern": "*"}))
	found := rule.deny with input as t.input_of([api, p])
	found == set()
}

test_protected_by_v3 if {
	api := repo
	found := rule.deny with input as t.input_of([api, t.v3("main", t.compliant_v3)])
	found == set()
}

test_a_protection_of_another_branch_or_repository_does_not_count if {
	api := repo
	release := t.terraform("release", object.union(t.compliant, {"pattern": "release/*"}))
	elsewhere := t.terraform("web", object.union(t.compliant, {"repository_id": "web"}))
	found := rule.deny with input as t.input_of([api, release, elsewhere])
	{v.resource | some v in found} == {"github_repository.api"}
}

test_the_branch_default_decides_the_branch if {
	api := repo
	d := t.resource("github_branch_default", "managed", "api", {"repository": "api", "branch": "develop"})
	p := t.terraform("main", t.compliant)
	found := rule.deny with input as t.input_of([api, d, p])
	[v.message | some v in found] == [`repository "api" has no branch protection or ruleset covering its default branch "develop"`]
}

test_default_branch_attribute if {
	trunk := t.resource("github_repository", "managed", "api", {"name": "api", "default_branch": "trunk"})
	p := t.terraform("trunk", object.union(t.compliant, {"pattern": "trunk"}))
	found := rule.deny with input as t.input_of([trunk, p])
	found == set()
}

test_protected_by_a_ruleset if {
	api := repo
	ruleset := t.resource("github_repository_ruleset", "managed", "main", {
		"repository": "api",
		"target": "branch",
		"enforcement": "active",
		"conditions": [{"ref_name": [{"include": ["~DEFAULT_BRANCH"], "exclude": []}]}],
	})
	found := rule.deny with input as t.input_of([api, ruleset])
	found == set()
}

test_unknown_join_pattern_or_branch_stays_silent if {
	api := repo
	join := t.with_unknown(t.terraform("main", object.remove(t.compliant, ["repository_id"])), ["repository_id"])
	found_join := rule.deny with input as t.input_of([api, join])
	found_join == set()

	pattern := t.with_unknown(t.terraform("main", object.remove(t.compliant, ["pattern"])), ["pattern"])
	found_pattern := rule.deny with input as t.input_of([api, pattern])
	found_pattern == set()

	branch := t.with_unknown(t.resource("github_repository", "managed", "api", {"name": "api"}), ["default_branch"])
	found_branch := rule.deny with input as t.input_of([branch])
	found_branch == set()
}

test_settings_file if {
	yml_repo := t.resource("github_repository", "settings", "api", {"name": "api", "default_branch": "trunk"})
	unprotected := rule.deny with input as t.input_of([yml_repo, t.settings("main", t.compliant)])
	[v.message | some v in unprotected] == [`repository "api" has no branch protection or ruleset covering its default branch "trunk"`]
	trunk := t.settings("trunk", object.union(t.compliant, {"pattern": "trunk"}))
	protected := rule.deny with input as t.input_of([yml_repo, trunk])
	protected == set()
}

test_settings_file_without_repository_section if {
	implied := t.resource("github_repository", "settings", "repository", {})
	found := rule.deny with input as t.input_of([implied, t.settings("dev", object.union(t.compliant, {"pattern": "dev"}))])
	[v.message | some v in found] == [`the repository of this settings file has no branch protection or ruleset covering its default branch "main"`]
}

test_data_sources_are_not_judged if {
	reader := t.resource("github_repository", "data", "api", {"name": "api"})
	found := rule.deny with input as t.input_of([reader])
	found == set()
}
