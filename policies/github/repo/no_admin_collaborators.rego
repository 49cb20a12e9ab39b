# METADATA
# title: Repository admin access goes to teams, not individual collaborators
# description: >-
#   No individual may be made an admin of a repository directly: a
#   `github_repository_collaborator` with `permission = "admin"`, or a `user` block of
#   `github_repository_collaborators` with `permission = "admin"`, is reported at that
#   permission. Admins can change branch protection and settings, so that access should
#   come from team membership, which the organization grants and revokes in one place
#   when people join and leave. `team` blocks are not reported, nor other permissions
#   (unset, the permission is `push`), nor a permission that cannot be known statically.
# custom:
#   id: github-repo-no-admin-collaborators
#   severity: medium
#   controls: [CC6.2, CC6.3]
#   resource_types: [github_repository_collaborator, github_repository_collaborators]
#   remediation: |
#     Grant admin to a team and give people write access at most:
#
#     ```hcl
#     resource "github_repository_collaborators" "api" {
#       repository = github_repository.api.name
#
#       team {
#         team_id    = github_team.platform_admins.slug
#         permission = "admin"
#       }
#
#       user {
#         username   = "ana"
#         permission = "push"
#       }
#     }
#     ```
package soc2gate.github.repo.no_admin_collaborators

import data.soc2gate.lib.core

deny contains v if {
	some c in core.resources("github_repository_collaborator")
	c.mode == "managed"
	core.value_is(c, ["permission"], "admin")
	v := core.violation(c, "permission", sprintf(
		"%s makes %s an admin of %s directly; grant admin through a team and give the person push at most",
		[c.address, _who(c.values), _repository(c)],
	))
}

deny contains v if {
	some c in core.resources("github_repository_collaborators")
	c.mode == "managed"
	some i, user in object.get(c.values, "user", [])
	path := ["user", i, "permission"]
	core.value_is(c, path, "admin")
	v := core.violation(c, core.path_text(path), sprintf(
		"%s makes %s an admin of %s directly; grant admin through a team and give the person push at most",
		[c.address, _who(user), _repository(c)],
	))
}

_who(x) := sprintf("user %q", [name]) if {
	name := object.get(x, "username", null)
	is_string(name)
}

_who(x) := "a user" if not is_string(object.get(x, "username", null))

_repository(c) := sprintf("repository %q", [name]) if {
	name := object.get(c.values, "repository", null)
	is_string(name)
}

_repository(c) := "the repository" if not is_string(object.get(c.values, "repository", null))

undetermined contains v if some v in core.unknown_in("github_repository_collaborator", [["permission"]])

undetermined contains v if {
	some c in core.resources("github_repository_collaborators")
	c.mode == "managed"
	some v in core.unknown_at(c, array.concat([["user"]], [["user", i, "permission"] | some i, _ in object.get(c.values, "user", [])]))
}
