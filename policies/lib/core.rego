# Helpers every rule uses to read the resource graph without falling into the negation
# trap: a value that cannot be known statically is absent from `values`, so a bare
# `not r.values.x` is true for "unset" and for "unknown" alike. A finding must never
# depend on an unknown value; ask `unset`, `known` or `value_is` instead.
#
# Paths are arrays of keys and list indices: ["versioning", 0, "enabled"].
package soc2gate.lib.core

# The text form of a path, as the loaders write it in `unknown`: "versioning[0].enabled".
path_text(path) := concat("", [s |
	some i, seg in path
	s := _segment(i, seg)
])

_segment(0, seg) := seg if is_string(seg)

_segment(i, seg) := concat("", [".", seg]) if {
	is_string(seg)
	i > 0
}

_segment(_, seg) := sprintf("[%d]", [seg]) if is_number(seg)

# The value at `path`, undefined when it is absent (unset or unknown).
get(r, path) := v if {
	v := object.get(r.values, path, null)
	v != null
}

# True when the value at `path`, or a value enclosing it, cannot be known statically.
unknown(r, path) if {
	# Most resources have nothing unknown: answer before building the path text.
	count(r.unknown) > 0
	p := path_text(path)
	some u in r.unknown
	_covers(u, p)
}

# True when part of the value at `path` cannot be known (e.g. one element of a list).
partly_unknown(r, path) if unknown(r, path)

partly_unknown(r, path) if {
	count(r.unknown) > 0
	p := path_text(path)
	some u in r.unknown
	_covers(p, u)
}

# `outer` is `inner` itself or encloses it.
_covers(outer, inner) if outer == inner

_covers(outer, inner) if startswith(inner, concat("", [outer, "."]))

_covers(outer, inner) if startswith(inner, concat("", [outer, "["]))

# The value at `path` is known completely: nothing in or around it is unknown.
known(r, path) if not partly_unknown(r, path)

# The attribute is not set (and not merely unknown): the provider's default applies.
unset(r, path) if {
	# Compare with null rather than `not get(...)`: `get` of an explicit false is false.
	object.get(r.values, path, null) == null
	not unknown(r, path)
}

# The value at `path` is known and equals `want`.
value_is(r, path, want) if {
	known(r, path)
	get(r, path) == want
}

# The value at `path` is known and differs from `want` (unset counts as different only
# through `unset`, which callers combine explicitly with the provider default).
value_is_not(r, path, want) if {
	known(r, path)
	v := get(r, path)
	v != want
}

# Resources of one type in the input (empty when there are none).
resources(type_name) := object.get(input.resources, type_name, [])

# The expression at `path` references another resource (`aws_kms_key.k.arn`): its value
# is unknown, but it is that resource's attribute, not an arbitrary input.
references(r, path) if count(object.get(r.refs, path_text(path), [])) > 0

# A violation entry in the shape every rule's `deny` yields.
violation(r, attribute, message) := {
	"resource": r.address,
	"attribute": attribute,
	"message": message,
}

# --- Joins ----------------------------------------------------------------------------
#
# Lookups in the indexes the engine builds once per unit beside `resources` (see
# ARCHITECTURE.md): a join costs one lookup per resource instead of a scan of every
# resource of the other type. Without an index (a hand-written input in a Rego test),
# each helper scans the resources instead, with the same result.

# The resources of `type_name` whose `refs` name `r`, in any attribute: by its address
# or, for an instance of a `count`/`for_each` resource, by the address without instance
# key (`aws_s3_bucket.b` names `aws_s3_bucket.b[0]`). A set.
referrers(r, type_name) := {x |
	some address in _ref_forms(r.address)
	some x in _referrers_at(address, type_name)
}

_ref_forms(address) := {address, base_address(address)}

_referrers_at(address, type_name) := object.get(input.referrers, [address, type_name], []) if {
	is_object(input.referrers)
}

_referrers_at(address, type_name) := [x |
	some x in resources(type_name)
	_references(x, address)
] if not is_object(input.referrers)

_references(x, address) if {
	some addresses in x.refs
	address in addresses
}

# The resources of `type_name` whose top-level `attribute` is the literal string `name`
# (`named("bucket", "acme-logs", "aws_s3_bucket_versioning")`), in address order.
named(attribute, name, type_name) := object.get(input.names, [attribute, name, type_name], []) if {
	is_object(input.names[attribute])
}

named(attribute, name, type_name) := [x |
	some x in resources(type_name)
	object.get(x.values, attribute, null) == name
	is_string(name)
] if not is_object(input.names[attribute])

# The resources a reference to `address` names (as in `refs`): the resource at that
# address and, when `address` has no instance key, each instance of a `count`/`for_each`
# resource at it. In address order.
resources_at(address) := object.get(input.addresses, address, []) if is_object(input.addresses)

resources_at(address) := [x |
	some _, list in input.resources
	some x in list
	address in _ref_forms(x.address)
] if not is_object(input.addresses)

# The address without its last instance key: `aws_s3_bucket.b` for `aws_s3_bucket.b[0]`
# and `aws_s3_bucket.b["logs"]`; the address itself when it has none.
base_address(address) := regex.replace(address, `\[([0-9]+|"([^"\\]|\\.)*")\]$`, "")

# An `undetermined` entry, the same shape as a `deny` entry: the rule could not judge `r`
# because the value at `path` (or a part of it) cannot be known statically. Every rule
# defines an `undetermined` set beside `deny`, so that evidence never counts silence on
# an unknown value as a pass.
cannot_judge(r, path) := _cannot_judge_at(r, path_text(path))

_cannot_judge_at(r, "") := violation(r, "", "the resource cannot be known statically, so the rule could not judge it")

_cannot_judge_at(r, at) := violation(r, at, sprintf(
	"%s cannot be known statically, so the rule could not judge it",
	[at],
)) if at != ""

# `cannot_judge` entries for each of `paths` whose value in `r` is partly unknown: the
# `undetermined` of a rule that needs those values of `r`. Give leaf paths (with index 0
# for a block that appears once): an unknown enclosing block covers them, and is then
# reported once, at the block.
unknown_at(r, paths) := {_cannot_judge_at(r, at) |
	some path in paths
	partly_unknown(r, path)
	at := _outermost_unknown(r, path_text(path))
}

# The unknown path that encloses `p`, the outermost when several do; else `p` itself.
_outermost_unknown(r, p) := min(enclosing) if {
	enclosing := {u | some u in r.unknown; _covers(u, p)}
	count(enclosing) > 0
} else := p

# `unknown_at`, but only for values that reference no other resource: a reference to
# another resource's attribute (`aws_db_instance.main.identifier`) is unknown yet certainly
# set, which is all a rule that asks "is it set?" needs.
unknown_value_at(r, paths) := {e |
	some path in paths
	not references(r, path)
	some e in unknown_at(r, [path])
}

# `unknown_at` over the managed and settings resources of `type_name`: the whole
# `undetermined` of a rule that reads `paths` of one resource type. A rule with joins or
# with a subset of resources adds its own cases.
unknown_in(type_name, paths) := {e |
	some r in resources(type_name)
	object.get(r, "mode", "managed") != "data"
	some e in unknown_at(r, paths)
}
