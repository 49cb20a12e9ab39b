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

# A violation entry in the shape every rule's `deny` yields.
violation(r, attribute, message) := {
	"resource": r.address,
	"attribute": attribute,
	"message": message,
}
