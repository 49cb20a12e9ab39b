# Google Cloud IAM grants in the three Terraform forms the provider offers for every
# scope (`google_<scope>_iam_member`, `_binding`, `_policy`), normalised into one list so
# a rule asks "who gets which role" once:
# - `_iam_member`: one `role` and one `member`,
# - `_iam_binding`: one `role` and a list of `members`,
# - `_iam_policy`: `policy_data`, the JSON of a whole policy (`{"bindings": [{"role",
#   "members"}]}`), written as a string or `jsonencode(...)`, or taken from a
#   `data.google_iam_policy` (its `binding` blocks) through a reference.
#
# `grants(scope)` holds one entry per known member of a known role:
#   {
#     "resource": the resource to blame (the policy's data source for a referenced one),
#     "role": "roles/owner",
#     "member": "allUsers",
#     "role_attribute": the path of the role ("role", "binding[0].role", "policy_data"),
#     "member_attribute": the path of the member ("member", "members[2]",
#                         "binding[0].members[1]", "policy_data"),
#   }
# A role or member that cannot be known statically is absent from `values` (or null in a
# list) and yields no entry. Only managed resources (and data sources that one of them
# references) are read.
package soc2gate.lib.gcp.iam

import data.soc2gate.lib.core

# The members that make a grant public.
public_members := {"allUsers", "allAuthenticatedUsers"}

# The basic (primitive) roles that grant broad access to everything in their scope.
basic_roles := {"roles/owner", "roles/editor"}

grants(scope) := array.concat(_members(scope), array.concat(_bindings(scope), _policies(scope)))

_members(scope) := [e |
	some r in core.resources(sprintf("google_%s_iam_member", [scope]))
	r.mode == "managed"
	role := core.get(r, ["role"])
	member := core.get(r, ["member"])
	is_string(role)
	is_string(member)
	e := _entry(r, role, member, "role", "member")
]

_bindings(scope) := [e |
	some r in core.resources(sprintf("google_%s_iam_binding", [scope]))
	r.mode == "managed"
	role := core.get(r, ["role"])
	is_string(role)
	some i, member in object.get(r.values, "members", [])
	is_string(member)
	e := _entry(r, role, member, "role", sprintf("members[%d]", [i]))
]

_policies(scope) := array.concat(_inline_policies(scope), _referenced_policies(scope))

# `policy_data` written in the resource: a JSON string, or the decoded object when part
# of it is unknown.
_inline_policies(scope) := [e |
	some r in core.resources(sprintf("google_%s_iam_policy", [scope]))
	r.mode == "managed"
	doc := _document(object.get(r.values, "policy_data", null))
	some binding in object.get(doc, "bindings", [])
	role := object.get(binding, "role", null)
	is_string(role)
	some member in object.get(binding, "members", [])
	is_string(member)
	e := _entry(r, role, member, "policy_data", "policy_data")
]

_document(x) := json.unmarshal(x) if {
	is_string(x)
	json.is_valid(x)
}

_document(x) := x if is_object(x)

# `policy_data = data.google_iam_policy.x.policy_data`: the data source's `binding`
# blocks, blamed where they are written.
_referenced_policies(scope) := [e |
	some r in core.resources(sprintf("google_%s_iam_policy", [scope]))
	r.mode == "managed"
	some address in object.get(r.refs, "policy_data", [])
	some d in core.resources("google_iam_policy")
	d.address == address
	some i, binding in object.get(d.values, "binding", [])
	role := object.get(binding, "role", null)
	is_string(role)
	some k, member in object.get(binding, "members", [])
	is_string(member)
	e := _entry(d, role, member, sprintf("binding[%d].role", [i]), sprintf("binding[%d].members[%d]", [i, k]))
]

_entry(r, role, member, role_attribute, member_attribute) := {
	"resource": r,
	"role": role,
	"member": member,
	"role_attribute": role_attribute,
	"member_attribute": member_attribute,
}

# How a message names the resource of an entry: `google_storage_bucket_iam_member.public`
# or `data.google_iam_policy.admins (used as policy_data)`.
describe(e) := e.resource.address if e.resource.mode == "managed"

describe(e) := sprintf("%s (used as policy_data)", [e.resource.address]) if e.resource.mode == "data"

# What `grants(scope)` leaves out because it cannot be known, for a rule that needs the
# members (`what` = "member") or the roles (`what` = "role"): `undetermined` entries.
unknown_grants(scope, what) := _unknown_singles(scope, what) | _unknown_policies(scope, what)

_single_key := {"member": ["member", "members"], "role": ["role", "role"]}

_unknown_singles(scope, what) := {e |
	some [kind, key] in [["member", _single_key[what][0]], ["binding", _single_key[what][1]]]
	some r in core.resources(sprintf("google_%s_iam_%s", [scope, kind]))
	r.mode == "managed"
	some e in core.unknown_at(r, [[key]])
}

_unknown_policies(scope, what) := {e |
	some r in core.resources(sprintf("google_%s_iam_policy", [scope]))
	r.mode == "managed"
	core.partly_unknown(r, ["policy_data"])
	not _referenced_data_source(r)
	e := core.cannot_judge(r, ["policy_data"])
} | {e |
	some r in core.resources(sprintf("google_%s_iam_policy", [scope]))
	r.mode == "managed"
	some address in object.get(r.refs, "policy_data", [])
	some d in core.resources("google_iam_policy")
	d.address == address
	paths := array.concat([["binding"]], [[
		"binding", i, _binding_key[what],
	] | some i, _ in object.get(d.values, "binding", [])])
	some e in core.unknown_at(d, paths)
}

_binding_key := {"member": "members", "role": "role"}

_referenced_data_source(r) if {
	some address in object.get(r.refs, "policy_data", [])
	some d in core.resources("google_iam_policy")
	d.address == address
}
