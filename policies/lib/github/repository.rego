# Helpers for the rules about a repository's own settings: a Terraform
# `github_repository`, or the `repository:` section of a settings file (whose keys the
# loader renames to the provider's attributes). Which repositories are judged, their
# visibility with the provider's default, and their switches.
#
# Every helper answers "for certain" or "not for certain": an unknown value (a variable
# without a default, a template, a setting the file does not manage) keeps a rule silent.
package soc2gate.lib.github.repository

import data.soc2gate.lib.core
import data.soc2gate.lib.github.protection

# The repositories whose settings are judged: those the unit declares (not data sources),
# except archived ones, which are read-only. When `archived` cannot be known the
# repository may be archived and is left out.
active contains r if {
	some r in protection.repositories
	_not_archived(r)
}

_not_archived(r) if core.unset(r, ["archived"])

_not_archived(r) if off(r, ["archived"])

# The switch at `path` is known to be true / false. Terraform converts the strings
# "true" and "false" to booleans; so do these.
on(r, path) if {
	some v in [true, "true"]
	core.value_is(r, path, v)
}

off(r, path) if {
	some v in [false, "false"]
	core.value_is(r, path, v)
}

# The repository's visibility, "public", "private" or "internal", when it is known:
# `visibility`, which overrides `private`; else `private`; else, in Terraform, "public",
# the provider's default for a new repository. A settings file that sets neither leaves
# the repository as it is, which the scan cannot know: undefined.
visibility(r) := lower(v) if {
	core.known(r, ["visibility"])
	v := core.get(r, ["visibility"])
	is_string(v)
}

visibility(r) := "private" if {
	core.unset(r, ["visibility"])
	on(r, ["private"])
}

visibility(r) := "public" if {
	core.unset(r, ["visibility"])
	off(r, ["private"])
}

visibility(r) := "public" if {
	r.mode == "managed"
	core.unset(r, ["visibility"])
	core.unset(r, ["private"])
}

# How a message names a repository (see lib.github.protection).
describe(r) := protection.describe_repository(r)

# Every repository, archived or not.
all := protection.repositories
