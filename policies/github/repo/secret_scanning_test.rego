package soc2gate.github.repo.secret_scanning_test

import data.soc2gate.github.repo.secret_scanning
import data.soc2gate.lib.github.inputs_test as t

terraform(values) := t.resource("github_repository", "managed", "api", object.union({"name": "api"}, values))

settings(values) := object.union(
	t.resource("github_repository", "settings", "api", object.union({"name": "api"}, values)),
	{"file": ".github/settings.yml"},
)

# A `security_and_analysis` block with the given feature statuses.
analysis(statuses) := {"security_and_analysis": [{feature: [{"status": status}] | some feature, status in statuses}]}

test_disabled_scanning_fails_at_its_status if {
	r := terraform(object.union({"visibility": "private"}, analysis({"secret_scanning": "disabled", "secret_scanning_push_protection": "enabled"})))
	found := secret_scanning.deny with input as t.input_of([r])
	found == {{
		"resource": "github_repository.api",
		"attribute": "security_and_analysis[0].secret_scanning[0].status",
		"message": `repository "api" sets security_and_analysis.secret_scanning.status to "disabled"; set it to "enabled"`,
	}}
}

test_disabled_push_protection_fails_on_a_public_repository_too if {
	r := terraform(object.union({"visibility": "public"}, analysis({"secret_scanning_push_protection": "disabled"})))
	found := secret_scanning.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "security_and_analysis[0].secret_scanning_push_protection[0].status"
}

test_both_disabled_fail_twice if {
	r := terraform(object.union({"visibility": "private"}, analysis({"secret_scanning": "disabled", "secret_scanning_push_protection": "disabled"})))
	found := secret_scanning.deny with input as t.input_of([r])
	count(found) == 2
}

test_private_repository_without_analysis_fails_once_at_the_header if {
	r := terraform({"visibility": "private"})
	found := secret_scanning.deny with input as t.input_of([r])
	found == {{
		"resource": "github_repository.api",
		"attribute": "",
		"message": `repository "api" is private and does not enable secret_scanning or secret_scanning_push_protection: no status is set, and GitHub turns secret scanning on by default only for public repositories; set security_and_analysis.secret_scanning.status and .secret_scanning_push_protection.status to "enabled"`,
	}}
}

test_private_repository_without_push_protection_fails_at_the_block if {
	r := terraform(object.union({"private": true}, analysis({"secret_scanning": "enabled"})))
	found := secret_scanning.deny with input as t.input_of([r])
	found == {{
		"resource": "github_repository.api",
		"attribute": "security_and_analysis[0]",
		"message": `repository "api" is private and does not enable secret_scanning_push_protection: no status is set, and GitHub turns secret scanning on by default only for public repositories; set security_and_analysis.secret_scanning_push_protection.status to "enabled"`,
	}}
}

test_internal_repository_without_analysis_fails if {
	r := terraform({"visibility": "internal"})
	found := secret_scanning.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, `repository "api" is internal and does not enable`)
}

test_enabled_features_pass if {
	r := terraform(object.union({"visibility": "private"}, analysis({"secret_scanning": "enabled", "secret_scanning_push_protection": "enabled"})))
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_public_repository_without_analysis_passes if {
	r := terraform({"visibility": "public"})
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_terraform_repository_is_public_by_default if {
	r := terraform({})
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_unknown_visibility_stays_silent_on_unset_features if {
	r := t.with_unknown(terraform({}), ["visibility"])
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_unknown_status_stays_silent if {
	r := t.with_unknown(
		terraform(object.union({"visibility": "private"}, analysis({"secret_scanning_push_protection": "enabled"}))),
		["security_and_analysis[0].secret_scanning[0].status"],
	)
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_dynamic_analysis_block_stays_silent if {
	r := t.with_unknown(terraform({"visibility": "private"}), ["security_and_analysis"])
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_archived_repositories_are_exempt if {
	r := terraform({"visibility": "private", "archived": true})
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_settings_private_repository_without_analysis_fails if {
	r := settings({"private": true})
	found := secret_scanning.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == ""
	startswith(v.message, `repository "api" is private and does not enable secret_scanning or secret_scanning_push_protection`)
}

test_settings_disabled_scanning_fails_without_visibility if {
	r := settings(analysis({"secret_scanning": "disabled", "secret_scanning_push_protection": "enabled"}))
	found := secret_scanning.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "security_and_analysis[0].secret_scanning[0].status"
}

test_settings_without_visibility_leave_unset_features_alone if {
	r := settings({})
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_settings_without_repository_section_stay_silent if {
	r := t.with_unknown(
		object.union(t.resource("github_repository", "settings", "repository", {}), {"file": ".github/settings.yml"}),
		["archived", "private", "security_and_analysis", "visibility", "vulnerability_alerts"],
	)
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}

test_data_sources_are_not_judged if {
	r := t.resource("github_repository", "data", "existing", {"name": "existing", "visibility": "private"})
	found := secret_scanning.deny with input as t.input_of([r])
	found == set()
}
