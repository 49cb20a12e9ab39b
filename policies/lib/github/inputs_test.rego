# Builders of policy inputs for the tests of the GitHub rules, in the shape the loaders
# produce (see ARCHITECTURE.md). No tests of its own.
#
# A regorus quirk to keep in mind: a function's result is lost when one of its arguments
# and the `with input as` value both reference the same rule of a test package; bind such
# rules to local variables first (`api := repo`), as the tests here do.
package soc2gate.lib.github.inputs_test

# A resource of the resource graph.
resource(type_name, mode, name, values) := {
	"address": sprintf("%s.%s", [type_name, name]),
	"mode": mode,
	"type": type_name,
	"name": name,
	"provider": "github",
	"module": "",
	"file": "main.tf",
	"values": values,
	"unknown": [],
	"refs": {},
}

# The same resource with some paths unknown (absent from its values, listed in `unknown`).
with_unknown(r, paths) := object.union(r, {"unknown": paths})

# The same resource with references: attribute path -> addresses.
with_refs(r, refs) := object.union(r, {"refs": refs})

# A `github_branch_protection` from Terraform, one from `.github/settings.yml`, and a
# `github_branch_protection_v3`.
terraform(name, values) := resource("github_branch_protection", "managed", name, values)

settings(name, values) := object.union(
	resource("github_branch_protection", "settings", name, values),
	{"file": ".github/settings.yml"},
)

v3(name, values) := resource("github_branch_protection_v3", "managed", name, values)

# The policy input holding `resources`, grouped by type.
input_of(resources) := {"resources": {t: [r | some r in resources; r.type == t] |
	some x in resources
	t := x.type
}}

# A protection that satisfies every branch protection rule.
compliant := {
	"repository_id": "api",
	"pattern": "main",
	"enforce_admins": true,
	"allows_force_pushes": false,
	"allows_deletions": false,
	"required_status_checks": [{"strict": true, "contexts": ["ci/test"]}],
	"required_pull_request_reviews": [{
		"required_approving_review_count": 1,
		"dismiss_stale_reviews": true,
		"require_code_owner_reviews": true,
	}],
}

# The same for `github_branch_protection_v3`.
compliant_v3 := {
	"repository": "api",
	"branch": "main",
	"enforce_admins": true,
	"required_status_checks": [{"strict": true, "checks": ["ci/test:123"]}],
	"required_pull_request_reviews": [{
		"required_approving_review_count": 1,
		"dismiss_stale_reviews": true,
		"require_code_owner_reviews": true,
	}],
}

# `values` with some review settings (of `required_pull_request_reviews[0]`) changed.
with_reviews(values, settings) := object.union(values, {"required_pull_request_reviews": [object.union(
	values.required_pull_request_reviews[0],
	settings,
)]})

# `values` with some review settings removed.
without_reviews(values, keys) := object.union(values, {"required_pull_request_reviews": [object.remove(
	values.required_pull_request_reviews[0],
	keys,
)]})

# `values` with the status check settings (`required_status_checks[0]`) replaced.
with_checks(values, settings) := object.union(values, {"required_status_checks": [settings]})
