# Helpers for the GitHub branch protection rules: which protections a unit declares, how a
# message names them, how their switches read with the provider's defaults, and which
# repository and branch each one covers.
#
# Both sources share one shape: a `github_branch_protection` from Terraform and an entry of
# `.github/settings.yml` (mode `settings`) use the provider's attribute names. The older
# `github_branch_protection_v3` differs only in `repository`/`branch` and in naming its
# status checks `checks` as well as `contexts`.
#
# Every helper answers "for certain" or "not for certain": a rule fires only on what is
# known, so an unknown value (a variable without a default, a computed id, a template in a
# settings file) keeps it silent.
package soc2gate.lib.github.protection

import data.soc2gate.lib.core

# The resource types that protect branches one pattern at a time.
types := ["github_branch_protection", "github_branch_protection_v3"]

# The branch protections that apply: every protection the unit declares, from Terraform
# (both provider generations) or from a settings file.
protections contains r if {
	some t in types
	some r in core.resources(t)
	r.mode != "data"
}

# The branch name or pattern a protection applies to, when it is known.
pattern(r) := p if {
	r.type == "github_branch_protection_v3"
	core.known(r, ["branch"])
	p := core.get(r, ["branch"])
	is_string(p)
}

pattern(r) := p if {
	r.type == "github_branch_protection"
	core.known(r, ["pattern"])
	p := core.get(r, ["pattern"])
	is_string(p)
}

# How a message names a protection: `branch protection for "main"`, or its address when
# the pattern is unknown.
describe(r) := sprintf("branch protection for %q", [pattern(r)])

describe(r) := sprintf("branch protection %s", [r.address]) if not pattern(r)

# The switch at `path` is on: known to be true.
on(r, path) if {
	core.known(r, path)
	_true(core.get(r, path))
}

# The switch at `path` is off: known to be false, or not set (every switch these rules
# read defaults to false in the provider and in GitHub's API). Unknown is neither.
off(r, path) if {
	core.known(r, path)
	_false(core.get(r, path))
}

off(r, path) if core.unset(r, path)

# Why a switch is off, for messages: `enforce_admins is false`, or that it is not set.
off_text(r, path) := sprintf("%s is false", [_name(path)]) if _false(core.get(r, path))

off_text(r, path) := sprintf("%s is not set and defaults to false", [_name(path)]) if {
	not _false(core.get(r, path))
}

# Terraform converts the strings "true" and "false" to booleans; so does this.
_true(v) if v in {true, "true"}

_false(v) if v in {false, "false"}

_name(path) := path[count(path) - 1]

# Paths into the review settings.
reviews_path := ["required_pull_request_reviews"]

review_setting(name) := ["required_pull_request_reviews", 0, name]

# The protection requires no pull request review at all: its
# `required_pull_request_reviews` block is absent (not merely unknown, as a `dynamic`
# block is).
no_reviews(r) if core.unset(r, reviews_path)

# The protection has a `required_pull_request_reviews` block.
has_reviews(r) if core.get(r, ["required_pull_request_reviews", 0])

# The number of approving reviews the protection requires, when known: the provider's
# default of 1 when its review block does not set it. Undefined without a review block.
approvals(r) := 1 if {
	has_reviews(r)
	core.unset(r, review_setting("required_approving_review_count"))
}

approvals(r) := n if {
	has_reviews(r)
	path := review_setting("required_approving_review_count")
	core.known(r, path)
	n := _number(core.get(r, path))
}

_number(v) := v if is_number(v)

_number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^[0-9]+$`, v)
}

# Paths into the status check settings.
status_checks_path := ["required_status_checks"]

status_check_setting(name) := ["required_status_checks", 0, name]

# The protection has no `required_status_checks` block (and it is not merely unknown).
no_status_checks(r) if core.unset(r, status_checks_path)

# The protection has a `required_status_checks` block.
has_status_checks(r) if core.get(r, ["required_status_checks", 0])

# The protection has a `required_status_checks` block that names no check: `contexts`
# (and `checks`, which only the v3 resource has) are unset or known to be empty.
names_no_check(r) if {
	has_status_checks(r)
	every key in ["contexts", "checks"] {
		_empty_list(r, status_check_setting(key))
	}
}

_empty_list(r, path) if core.unset(r, path)

_empty_list(r, path) if {
	core.known(r, path)
	core.get(r, path) == []
}

# --- Repositories, default branches and what covers them -------------------------------

# The repositories the unit declares: Terraform `github_repository` resources and the
# repository of a settings file. A data source only reads a repository managed elsewhere.
repositories contains r if {
	some r in core.resources("github_repository")
	r.mode != "data"
}

# The attribute through which each type names its repository.
repository_attribute := {
	"github_branch_protection": "repository_id",
	"github_branch_protection_v3": "repository",
	"github_repository_ruleset": "repository",
	"github_branch_default": "repository",
}

# How a message names a repository: `repository "api"`, else the settings file's
# repository, else its address.
describe_repository(repo) := sprintf("repository %q", [_repository_name(repo)])

describe_repository(repo) := "the repository of this settings file" if {
	not _repository_name(repo)
	repo.mode == "settings"
}

describe_repository(repo) := sprintf("repository %s", [repo.address]) if {
	not _repository_name(repo)
	repo.mode != "settings"
}

_repository_name(repo) := n if {
	core.known(repo, ["name"])
	n := core.get(repo, ["name"])
	is_string(n)
}

# `x` (a protection, ruleset or default branch) belongs to `repo` for certain. A settings
# file is one repository's unit, so everything it declares belongs to its repository.
# In Terraform, `x` references the repository (`github_repository.r.node_id`, `.name`)
# or names it literally.
joined(x, repo) if {
	repo.mode == "settings"
	x.mode == "settings"
}

joined(x, repo) if {
	_terraform(x, repo)
	some ref in object.get(x.refs, repository_attribute[x.type], [])
	_names(ref, repo.address)
}

joined(x, repo) if {
	_terraform(x, repo)
	attribute := repository_attribute[x.type]
	core.known(x, [attribute])
	core.get(x, [attribute]) == _repository_name(repo)
}

# `x` may belong to `repo`: it does for certain, or the scan cannot tell.
may_join(x, repo) if joined(x, repo)

# The repository is named by an unknown expression that references no other repository
# of the unit (a variable, a data source, a module output).
may_join(x, repo) if {
	_terraform(x, repo)
	attribute := repository_attribute[x.type]
	core.unknown(x, [attribute])
	not _references_other_repository(x, attribute, repo)
}

# The repository is named literally, but its own name is unknown.
may_join(x, repo) if {
	_terraform(x, repo)
	core.known(x, [repository_attribute[x.type]])
	not _repository_name(repo)
}

# `repository_id` also takes a repository's node id (`R_kgDO...`), which a scan cannot
# resolve: such a literal, unless it is a repository name of the unit, may be anyone's.
may_join(x, repo) if {
	_terraform(x, repo)
	x.type == "github_branch_protection"
	core.known(x, ["repository_id"])
	id := core.get(x, ["repository_id"])
	is_string(id)
	regex.match(`^(R_[A-Za-z0-9_-]{6,}|MDEwOlJlcG9zaXRvcnk[A-Za-z0-9+/=]*)$`, id)
	not id in {n | some other in repositories; n := _repository_name(other)}
}

_terraform(x, repo) if {
	repo.mode == "managed"
	x.mode == "managed"
}

_references_other_repository(x, attribute, repo) if {
	some ref in object.get(x.refs, attribute, [])
	not _names(ref, repo.address)
	some other in repositories
	_names(ref, other.address)
}

# A reference names a resource: its address, or all instances of a `count`/`for_each`
# resource (`github_repository.r` for `github_repository.r[0]`).
_names(ref, address) if ref == address

_names(ref, address) if startswith(address, concat("", [ref, "["]))

# The default branch of `repo`, as a set of names, when it is known (undefined when not):
# the `branch` of a `github_branch_default` joined to it; else its `default_branch`;
# else "main", GitHub's default for new repositories.
default_branches(repo) := {b | some d in ds; b := core.get(d, ["branch"])} if {
	ds := _defaults_of(repo)
	count(ds) > 0
	every d in ds {
		joined(d, repo)
		core.known(d, ["branch"])
		is_string(core.get(d, ["branch"]))
	}
}

default_branches(repo) := {b} if {
	count(_defaults_of(repo)) == 0
	core.known(repo, ["default_branch"])
	b := core.get(repo, ["default_branch"])
	is_string(b)
}

default_branches(repo) := {"main"} if {
	count(_defaults_of(repo)) == 0
	core.unset(repo, ["default_branch"])
}

_defaults_of(repo) := may_join_of(repo, "github_branch_default")

# Some protection or ruleset may cover `branch` of `repo`: coverage is ruled out only when
# each of them is known not to cover it.
may_cover(repo, branch) if {
	some t in types
	some p in may_join_of(repo, t)
	_protection_may_match(p, branch)
}

may_cover(repo, branch) if {
	some s in may_join_of(repo, "github_repository_ruleset")
	_ruleset_may_cover(s, branch)
}

# The resources of `type_name` (a type of `repository_attribute`, not data sources) that
# may belong to `repo`. The candidates come from the engine's indexes and from sets built
# once per unit, so a unit of many repositories and protections is not a product of the
# two; `may_join` then judges each one.
may_join_of(repo, type_name) := {x |
	some x in _join_candidates(repo, type_name)
	x.mode != "data"
	may_join(x, repo)
}

# A settings file is one repository's unit: everything in it is a candidate.
_join_candidates(repo, type_name) := {x | some x in core.resources(type_name)} if {
	repo.mode == "settings"
}

_join_candidates(repo, type_name) := candidates if {
	repo.mode != "settings"
	joined := core.referrers(repo, type_name) | _named_after(repo, type_name)
	unplaced := object.get(_unplaced, type_name, set()) | _literal_candidates(repo, type_name)
	candidates := joined | unplaced
}

# Those naming the repository literally.
_named_after(repo, type_name) := {x |
	name := _repository_name(repo)
	some x in core.named(repository_attribute[type_name], name, type_name)
}

# Those naming a repository literally may belong to one whose name is unknown.
_literal_candidates(repo, type_name) := object.get(_known_attribute, type_name, set()) if {
	not _repository_name(repo)
}

_literal_candidates(repo, _) := set() if _repository_name(repo)

# By type: the Terraform resources whose repository attribute is known (or unset).
_known_attribute := {type_name: {x |
	some x in core.resources(type_name)
	x.mode == "managed"
	core.known(x, [attribute])
} |
	some type_name, attribute in repository_attribute
}

# By type: the Terraform resources that may belong to any repository whose name is known:
# an unknown attribute that references no repository of the unit, or a node id literal.
_unplaced := {type_name: {x |
	some x in core.resources(type_name)
	x.mode == "managed"
	_unplaced_attribute(x, attribute)
} |
	some type_name, attribute in repository_attribute
}

_unplaced_attribute(x, attribute) if {
	core.unknown(x, [attribute])
	not _references_a_repository(x, attribute)
}

_unplaced_attribute(x, _) if {
	x.type == "github_branch_protection"
	core.known(x, ["repository_id"])
	id := core.get(x, ["repository_id"])
	is_string(id)
	regex.match(`^(R_[A-Za-z0-9_-]{6,}|MDEwOlJlcG9zaXRvcnk[A-Za-z0-9+/=]*)$`, id)
}

_references_a_repository(x, attribute) if {
	some ref in object.get(x.refs, attribute, [])
	some other in core.resources_at(ref)
	other in repositories
}

_protection_may_match(p, branch) if not pattern(p)

_protection_may_match(p, branch) if pattern_may_match(pattern(p), branch)

# A branch protection pattern is an fnmatch glob in which `*` stops at `/` (`main`,
# `release/*`, `*`). A pattern that is not a plain glob (braces, escapes, an unclosed
# class) may match: the scan cannot tell.
pattern_may_match(pattern, branch) if pattern == branch

pattern_may_match(pattern, branch) if {
	_plain_glob(pattern)
	glob.match(pattern, ["/"], branch)
}

pattern_may_match(pattern, _) if not _plain_glob(pattern)

_plain_glob(pattern) if regex.match(`^([^\[\]{}\\]|\[[^\[\]{}\\]+\])*$`, pattern)

# A repository ruleset covers the default branch when it targets branches, is enforced
# ("active"; "evaluate" only reports and "disabled" does nothing), includes
# `~DEFAULT_BRANCH`, `~ALL` or a `refs/heads/` pattern matching the branch, and does not
# exclude it.
_ruleset_may_cover(s, branch) if {
	_may_be(s, ["target"], "branch")
	_may_be(s, ["enforcement"], "active")
	_ruleset_may_include(s, branch)
	not _ruleset_excludes(s, branch)
}

_may_be(r, path, want) if core.value_is(r, path, want)

_may_be(r, path, _) if core.unknown(r, path)

_ref_name := ["conditions", 0, "ref_name", 0]

_ruleset_may_include(s, _) if core.unknown(s, array.concat(_ref_name, ["include"]))

_ruleset_may_include(s, branch) if {
	some ref in core.get(s, array.concat(_ref_name, ["include"]))
	_ref_may_match(ref, branch)
}

_ruleset_excludes(s, branch) if {
	some ref in core.get(s, array.concat(_ref_name, ["exclude"]))
	is_string(ref)
	_ref_matches(ref, branch)
}

# An unknown element (null) may match anything.
_ref_may_match(ref, _) if ref == null

_ref_may_match(ref, branch) if {
	is_string(ref)
	_ref_matches(ref, branch)
}

_ref_may_match(ref, _) if {
	is_string(ref)
	not _plain_glob(ref)
}

_ref_matches(ref, _) if ref in {"~DEFAULT_BRANCH", "~ALL"}

_ref_matches(ref, branch) if {
	_plain_glob(ref)
	glob.match(ref, ["/"], concat("", ["refs/heads/", branch]))
}

# A protection or ruleset certainly covers the branch: joined to the repository, and
# every value that decides it known (a pattern with braces or escapes never is).
covers(repo, branch) if {
	some p in protections
	joined(p, repo)
	pattern_matches(pattern(p), branch)
}

covers(repo, branch) if {
	some s in core.resources("github_repository_ruleset")
	s.mode != "data"
	joined(s, repo)
	core.value_is(s, ["target"], "branch")
	core.value_is(s, ["enforcement"], "active")
	not core.partly_unknown(s, ["conditions"])
	_ruleset_may_cover(s, branch)
}

# The pattern matches the branch, as far as the glob it is written in can be read.
pattern_matches(pattern, branch) if pattern == branch

pattern_matches(pattern, branch) if {
	_plain_glob(pattern)
	glob.match(pattern, ["/"], branch)
}
