# METADATA
# title: Repositories enable secret scanning and push protection
# description: >-
#   Every repository the scan declares, a Terraform `github_repository` or the
#   `repository:` section of a `.github/settings.yml`, must enable secret scanning and
#   secret scanning push protection: `security_and_analysis { secret_scanning { status =
#   "enabled" } secret_scanning_push_protection { status = "enabled" } }` (the same keys
#   in the settings file). A status other than "enabled" is reported at that status,
#   whatever the repository's visibility. A status that is not set counts as GitHub's
#   default, which depends on the visibility: public repositories have both features
#   on by default and pass, private and internal ones do not and are reported (once,
#   naming every feature not set). The visibility is `visibility`, else `private`, else,
#   in Terraform, public (the provider's default); a settings file that sets neither
#   leaves the repository's visibility as it is, so its unset features are not judged.
#   Archived repositories are read-only and exempt. A settings file without a
#   `repository:` section does not manage the repository's settings and is not judged,
#   nor is a value that cannot be known statically.
# custom:
#   id: github-repo-secret-scanning
#   severity: medium
#   controls: [CC6.1, CC7.1]
#   resource_types: [github_repository]
#   remediation: |
#     Enable secret scanning and push protection (on a private or internal repository
#     this needs GitHub Advanced Security or Secret Protection, hence `advanced_security`).
#     Terraform:
#
#     ```hcl
#     resource "github_repository" "api" {
#       name       = "api"
#       visibility = "private"
#
#       security_and_analysis {
#         advanced_security {
#           status = "enabled"
#         }
#         secret_scanning {
#           status = "enabled"
#         }
#         secret_scanning_push_protection {
#           status = "enabled"
#         }
#       }
#     }
#     ```
#
#     `.github/settings.yml`:
#
#     ```yaml
#     repository:
#       name: api
#       private: true
#       security_and_analysis:
#         advanced_security:
#           status: enabled
#         secret_scanning:
#           status: enabled
#         secret_scanning_push_protection:
#           status: enabled
#     ```
package soc2gate.github.repo.secret_scanning

import data.soc2gate.lib.core
import data.soc2gate.lib.github.repository

_features := ["secret_scanning", "secret_scanning_push_protection"]

_status(feature) := ["security_and_analysis", 0, feature, 0, "status"]

# A feature whose status is set to anything but "enabled".
deny contains v if {
	some r in repository.active
	some feature in _features
	path := _status(feature)
	core.known(r, path)
	status := core.get(r, path)
	status != "enabled"
	v := core.violation(r, core.path_text(path), sprintf(
		"%s sets security_and_analysis.%s.status to %q; set it to \"enabled\"",
		[repository.describe(r), feature, status],
	))
}

# Features whose status is not set, on a repository that is not public.
deny contains v if {
	some r in repository.active
	visibility := repository.visibility(r)
	visibility != "public"
	missing := [feature | some feature in _features; core.unset(r, _status(feature))]
	count(missing) > 0
	v := core.violation(r, _where(r), sprintf(
		"%s is %s and does not enable %s: no status is set, and GitHub turns secret scanning on by default only for public repositories; set security_and_analysis.%s.status to \"enabled\"",
		[repository.describe(r), visibility, concat(" or ", missing), concat(".status and .", missing)],
	))
}

# Where the finding points: the `security_and_analysis` block, or the resource header
# when there is none.
_where(r) := "security_and_analysis[0]" if core.get(r, ["security_and_analysis", 0])

_where(r) := "" if not core.get(r, ["security_and_analysis", 0])

# What the rule could not judge: a status that cannot be known, and a repository with a
# status unset whose visibility (which decides GitHub's default) cannot be known.
undetermined contains v if {
	some r in repository.active
	some v in core.unknown_at(r, [_status(feature) | some feature in _features])
}

undetermined contains v if {
	some r in repository.active
	some feature in _features
	core.unset(r, _status(feature))
	not repository.visibility(r)
	some v in core.unknown_at(r, [["visibility"], ["private"]])
}

# An archived repository is not judged; one whose `archived` cannot be known is not either.
undetermined contains v if {
	some r in repository.all
	some v in core.unknown_at(r, [["archived"]])
}
