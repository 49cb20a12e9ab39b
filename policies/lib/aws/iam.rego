# Reads IAM policy documents in every form Terraform writes them and normalizes them to
# statements, so rules never parse a document themselves:
#
# (a) a known JSON string in `values[attr]`: `jsonencode(...)` of known values, a JSON
#     heredoc or string, a local or variable holding one;
# (b) a decoded object in `values[attr]`: `jsonencode(...)` or a JSON heredoc with parts
#     that cannot be known (a computed ARN), those parts listed in `unknown` under the
#     attribute (`policy.Statement[0].Resource[1]`);
# (c) `data.aws_iam_policy_document.x.json`: the attribute is unknown and its `refs` name
#     the data source, whose `statement` blocks are read instead.
#
# A normalized statement:
#
#   {
#     "resource": the resource to blame: the one holding the document for (a) and (b),
#                 the `aws_iam_policy_document` data source for (c),
#     "index": i, "path": "policy.Statement[0]" or "statement[0]" (text form),
#     "paths": {field: text path of that field, e.g. "policy.Statement[0].Action"},
#     "sid", "effect": string, or null when unknown ("Allow" for an unset data
#                      source `effect`, the provider default),
#     "actions", "not_actions", "resources", "not_resources": the known strings,
#     "principals", "not_principals": [{"type": "AWS" | "Service" | "*" ..., "identifiers": [...]}]
#                                     (`"Principal": "*"` is [{"type": "*", "identifiers": ["*"]}]),
#     "conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": [...]}],
#     "present": the fields the statement sets to something other than null, known or not,
#     "unknown": the fields with a part that cannot be known,
#     "complete": no field has an unknown part,
#   }
#
# Fields are named like the data source's arguments: effect, actions, not_actions,
# resources, not_resources, principals, not_principals, conditions, sid. Unknown list
# elements are left out of the lists; the field is then in `unknown`, so a rule asks
# `"actions" in s.unknown` before concluding that something is absent.
package soc2gate.lib.aws.iam

import data.soc2gate.lib.core

_json_keys := {
	"sid": "Sid",
	"effect": "Effect",
	"actions": "Action",
	"not_actions": "NotAction",
	"resources": "Resource",
	"not_resources": "NotResource",
	"principals": "Principal",
	"not_principals": "NotPrincipal",
	"conditions": "Condition",
}

_data_keys := {
	"sid": "sid",
	"effect": "effect",
	"actions": "actions",
	"not_actions": "not_actions",
	"resources": "resources",
	"not_resources": "not_resources",
	"principals": "principals",
	"not_principals": "not_principals",
	"conditions": "condition",
}

# Key -> field name.
_json_fields := {k: f | some f, k in _json_keys}

_data_fields := {k: f | some f, k in _data_keys}

# Resource types whose `policy` attribute is a policy document.
_policy_attribute_types := {
	"aws_iam_policy",
	"aws_iam_role_policy",
	"aws_iam_user_policy",
	"aws_iam_group_policy",
	"aws_s3_bucket_policy",
	"aws_s3_bucket",
}

# Every resource type that holds a permissions policy document (trust policies,
# `assume_role_policy`, are not among them).
document_types := _policy_attribute_types | {"aws_iam_role"}

# The paths of the policy documents a resource holds, by type: `policy`, or each
# `inline_policy[i].policy` of an `aws_iam_role`.
documents_of_resource(r) := [["policy"]] if r.type in _policy_attribute_types

documents_of_resource(r) := [["inline_policy", i, "policy"] |
	some i, _ in object.get(r.values, "inline_policy", [])
] if r.type == "aws_iam_role"

documents_of_resource(r) := [] if {
	not r.type in _policy_attribute_types
	r.type != "aws_iam_role"
}

# The data sources of type `aws_iam_policy_document`, by address.
_data_documents := {d.address: d |
	some d in core.resources("aws_iam_policy_document")
	d.mode == "data"
}

# The statements of the document at `path` of `r`, in all three forms (a), (b) and (c).
# For (c), also the statements of the documents that data source merges in through
# `source_policy_documents`/`override_policy_documents` (one level).
statements(r, path) := array.concat(inline_statements(r, path), [s |
	some d in referenced_documents(r, path)
	some s in _data_statements_with_sources(d)
])

# The statements written at `path` of `r` itself: forms (a) and (b) only. Rules that
# report on statements read data sources on their own (see `policy_statements`), so a
# document referenced by a resource is not reported twice.
inline_statements(r, path) := [_json_statement(r, e) |
	doc := _document(r, path)
	some e in _entries(doc, path)
]

# The attribute at `path` of `r` is the JSON of `aws_iam_policy_document` data sources of
# the input (`policy = data.aws_iam_policy_document.x.json`), whether the loader could
# render it (forms (a) and (b)) or not (form (c)). Rules that report on statements read
# those data sources instead, so that each statement is reported once, at its own line.
from_data_document(r, path) if {
	some address in object.get(r.refs, core.path_text(path), [])
	_data_documents[address]
}

# The `aws_iam_policy_document` data sources the attribute at `path` of `r` references
# (form (c)), when its value is unknown.
referenced_documents(r, path) := [d |
	core.unknown(r, path)
	some address in object.get(r.refs, core.path_text(path), [])
	d := _data_documents[address]
]

# Part of the document at `path` cannot be read, so it may hold statements no one can see:
# the attribute is unknown and references no data source we have (or also something
# else), its JSON is invalid, its `Statement` list or one of its statements is unknown, or
# a referenced data source is itself open.
open(r, path) if {
	core.unknown(r, path)
	count(referenced_documents(r, path)) == 0
}

open(r, path) if {
	core.unknown(r, path)
	some address in object.get(r.refs, core.path_text(path), [])
	not _data_documents[address]
}

open(r, path) if {
	v := core.get(r, path)
	not is_object(v)
	not _decoded(v)
}

open(r, path) if _open_document(r, path, _document(r, path))

open(r, path) if {
	some d in referenced_documents(r, path)
	data_document_open(d)
}

# The `Statement` list of a readable document is unknown, or one of its statements is.
_open_document(r, path, _) if core.unknown(r, array.concat(path, ["Statement"]))

_open_document(_, _, doc) if {
	is_array(doc.Statement)
	some st in doc.Statement
	not is_object(st)
}

# A known JSON string that decodes to an object.
_decoded(v) := doc if {
	is_string(v)
	json.is_valid(v)
	doc := json.unmarshal(v)
	is_object(doc)
}

_document(r, path) := doc if {
	doc := _decoded(core.get(r, path))
}

_document(r, path) := v if {
	v := core.get(r, path)
	is_object(v)
}

# `Statement` is a list of statements or a single statement object.
_entries(doc, base) := [{"index": 0, "path": array.concat(base, ["Statement"]), "statement": doc.Statement}] if {
	is_object(doc.Statement)
}

_entries(doc, base) := [{"index": i, "path": array.concat(base, ["Statement", i]), "statement": st} |
	some i, st in doc.Statement
	is_object(st)
] if is_array(doc.Statement)

_entries(doc, _) := [] if {
	not is_object(doc.Statement)
	not is_array(doc.Statement)
}

_json_statement(r, e) := {
	"resource": r,
	"index": e.index,
	"path": base,
	"paths": _paths(base, _json_keys),
	"sid": _string_or_null(object.get(st, "Sid", null)),
	"effect": _string_or_null(object.get(st, "Effect", null)),
	"actions": _strings(object.get(st, "Action", null)),
	"not_actions": _strings(object.get(st, "NotAction", null)),
	"resources": _strings(object.get(st, "Resource", null)),
	"not_resources": _strings(object.get(st, "NotResource", null)),
	"principals": _json_principals(object.get(st, "Principal", null)),
	"not_principals": _json_principals(object.get(st, "NotPrincipal", null)),
	"conditions": _json_conditions(object.get(st, "Condition", null)),
	"present": _present(st, under, base, _json_fields),
	"unknown": unknown,
	"complete": count(unknown) == 0,
} if {
	st := e.statement
	base := core.path_text(e.path)
	under := _unknown_under(r, base)
	unknown := _unknown_fields(under, base, _json_fields)
}

# Field -> its path text under the statement at `base`.
_paths(base, keys) := {f: concat("", [base, ".", k]) | some f, k in keys}

# The unknown paths of `r` at or under `base` (a cheap filter: most statements have none).
_unknown_under(r, base) := {u | some u in r.unknown; startswith(u, base)}

# The fields with an unknown part: the key right after `base.` of each unknown path.
_unknown_fields(under, base, inverse) := {f |
	some u in under
	f := inverse[_first_key(u, base)]
}

# `Action` for `policy.Statement[0].Action[1]` under `policy.Statement[0]`.
_first_key(u, base) := key if {
	prefix := concat("", [base, "."])
	startswith(u, prefix)
	rest := substring(u, count(prefix), -1)
	key := split(split(rest, ".")[0], "[")[0]
}

# The fields the statement sets: with a value, or with a value that cannot be known.
_present(st, under, base, inverse) := {f | some k, v in st; v != null; f := inverse[k]} | {f |
	some u in under
	some k, f in inverse
	u == concat("", [base, ".", k])
}

_string_or_null(x) := x if is_string(x) else := null

# A string or a list of strings as a list; unknown (null) elements left out.
_strings(x) := [x] if {
	is_string(x)
} else := [e | some e in x; is_string(e)] if {
	is_array(x)
} else := []

# Condition values: a scalar or a list, unknown (null) elements left out.
_values(x) := [e | some e in x; e != null] if {
	is_array(x)
} else := [] if {
	x == null
} else := [x]

_json_principals(p) := [{"type": "*", "identifiers": ["*"]}] if {
	p == "*"
} else := [{"type": k, "identifiers": _strings(v)} | some k, v in p; v != null] if {
	is_object(p)
} else := []

_json_conditions(c) := [{"test": test, "variable": variable, "values": _values(v)} |
	some test, block in c
	is_object(block)
	some variable, v in block
	v != null
] if {
	is_object(c)
} else := []

# The statements of a data source: its `statement` blocks, then the statements of the
# known JSON documents it merges (`source_policy_documents`, `override_policy_documents`,
# `source_json`, `override_json`). An attribute that references other data sources is
# left out, even when the loader rendered their JSON into it: they are data sources of
# their own.
data_statements(d) := array.concat(
	[_data_statement(d, i, st) |
		some i, st in object.get(d.values, "statement", [])
		is_object(st)
	],
	[s |
		some path in _composition_paths(d)
		not from_data_document(d, [path[0]])
		some s in inline_statements(d, path)
	],
)

_composition_lists := ["source_policy_documents", "override_policy_documents"]

_composition_strings := ["source_json", "override_json"]

_composition_keys := array.concat(_composition_lists, _composition_strings)

_composition_paths(d) := array.concat(
	[[key, i] |
		some key in _composition_lists
		some i, _ in object.get(d.values, key, [])
	],
	[[key] |
		some key in _composition_strings
		core.get(d, [key])
	],
)

# The data sources a data source merges in by reference.
_composed_documents(d) := [d2 |
	some key in _composition_keys
	some address in object.get(d.refs, key, [])
	d2 := _data_documents[address]
]

_data_statements_with_sources(d) := array.concat(data_statements(d), [s |
	some d2 in _composed_documents(d)
	some s in data_statements(d2)
])

# A data source whose statements cannot all be read: `dynamic "statement"`, or a merged
# document that is unknown and not a data source we have, or invalid, or merged in turn
# from further documents.
data_document_open(d) if _data_open_self(d)

data_document_open(d) if {
	some d2 in _composed_documents(d)
	_data_open_self(d2)
}

data_document_open(d) if {
	some d2 in _composed_documents(d)
	some key in _composition_keys
	count(object.get(d2.refs, key, [])) > 0
}

_data_open_self(d) if core.unknown(d, ["statement"])

_data_open_self(d) if {
	some key in _composition_keys
	core.partly_unknown(d, [key])
	not _composition_resolved(d, key)
}

_data_open_self(d) if {
	some path in _composition_paths(d)
	core.get(d, path)
	open(d, path)
}

# Every reference of the merge attribute is a data source we have.
_composition_resolved(d, key) if {
	refs := object.get(d.refs, key, [])
	count(refs) > 0
	every address in refs {
		_data_documents[address]
	}
}

_data_statement(d, i, st) := {
	"resource": d,
	"index": i,
	"path": base,
	"paths": _paths(base, _data_keys),
	"sid": _string_or_null(object.get(st, "sid", null)),
	"effect": _data_effect(d, ["statement", i]),
	"actions": _strings(object.get(st, "actions", null)),
	"not_actions": _strings(object.get(st, "not_actions", null)),
	"resources": _strings(object.get(st, "resources", null)),
	"not_resources": _strings(object.get(st, "not_resources", null)),
	"principals": _data_principals(object.get(st, "principals", null)),
	"not_principals": _data_principals(object.get(st, "not_principals", null)),
	"conditions": [{
		"test": object.get(c, "test", null),
		"variable": object.get(c, "variable", null),
		"values": _values(object.get(c, "values", null)),
	} |
		some c in object.get(st, "condition", [])
		is_object(c)
	],
	"present": _present(st, under, base, _data_fields),
	"unknown": unknown,
	"complete": count(unknown) == 0,
} if {
	base := sprintf("statement[%d]", [i])
	under := _unknown_under(d, base)
	unknown := _unknown_fields(under, base, _data_fields)
}

# `effect` defaults to "Allow" in the data source; null when unknown.
_data_effect(d, path) := e if {
	e := core.get(d, array.concat(path, ["effect"]))
	is_string(e)
} else := "Allow" if {
	core.unset(d, array.concat(path, ["effect"]))
} else := null

_data_principals(blocks) := [{
	"type": object.get(b, "type", null),
	"identifiers": _strings(object.get(b, "identifiers", null)),
} |
	some b in blocks
	is_object(b)
] if is_array(blocks)

_data_principals(blocks) := [] if not is_array(blocks)

# Every permissions policy statement of the input, each document read once: the documents
# written in the resources of `document_types` (forms (a) and (b)), and every
# `aws_iam_policy_document` data source that such a resource, another policy document or
# nothing in the module references (a document used only elsewhere, e.g. as a trust or KMS
# key policy, is not a permissions policy). A document referenced by an `aws_iam_policy`
# is thus reported on the data source's statement, not on the policy.
policy_statements := {s |
	some type_name in document_types
	some r in core.resources(type_name)
	r.mode == "managed"
	some path in documents_of_resource(r)
	not from_data_document(r, path)
	some s in inline_statements(r, path)
} | {s |
	some d in _data_documents
	permissions_document(d)
	some s in data_statements(d)
}

# A data source that serves as a permissions policy, or that nothing in the module uses
# (e.g. it is exported through an output).
permissions_document(d) if _used_by_policies[d.address]

permissions_document(d) if not _used_elsewhere[d.address]

_used_by_policies := {address |
	some [type_name, key, address] in _document_uses
	_covered_use(type_name, key)
}

_used_elsewhere := {address |
	some [type_name, key, address] in _document_uses
	not _covered_use(type_name, key)
}

# Every reference to a data document: [referencing type, its attribute, the address].
_document_uses := {[r.type, key, address] |
	some resources in input.resources
	some r in resources
	some key, addresses in r.refs
	some address in addresses
	_data_documents[address]
}

_covered_use(type_name, _) if type_name == "aws_iam_policy_document"

_covered_use(type_name, key) if {
	type_name in _policy_attribute_types
	key == "policy"
}

_covered_use(type_name, key) if {
	type_name == "aws_iam_role"
	regex.match(`^inline_policy\[[0-9]+\]\.policy$`, key)
}

# Trust policies: the `assume_role_policy` of every managed `aws_iam_role`, each document
# read once. A document written in the role (forms (a) and (b)) is read there; one that is
# the JSON of `aws_iam_policy_document` data sources (form (c), or rendered by the loader)
# is read at those data sources, so that a document shared by several roles is reported
# once, at its own line.
trust_statements := {s |
	some r in _roles
	not from_data_document(r, ["assume_role_policy"])
	some s in inline_statements(r, ["assume_role_policy"])
} | {s |
	some address in _trust_documents
	some s in _data_statements_with_sources(_data_documents[address])
}

_roles := [r |
	some r in core.resources("aws_iam_role")
	r.mode == "managed"
]

# The data sources referenced by trust policies, by address.
_trust_documents := {address |
	some r in _roles
	some address in object.get(r.refs, "assume_role_policy", [])
	_data_documents[address]
}

# A principal that matches anyone: `"Principal": "*"`, `{"AWS": "*"}` (or a list holding
# "*"), or a data source's `principals { type = "*" or "AWS", identifiers = ["*"] }`.
wildcard_principal(p) if {
	p.type in {"*", "AWS"}
	"*" in p.identifiers
}

# The statement allows (effect known to be "Allow").
allows(s) if s.effect == "Allow"

# An action pattern that matches every action of every service.
full_wildcard(action) if lower(action) in {"*", "*:*"}

# An action pattern that matches every action of one service (`s3:*`).
service_wildcard(action) if regex.match(`^[a-z0-9-]+:\*+$`, lower(action))

wildcard_action(action) if full_wildcard(action)

wildcard_action(action) if service_wildcard(action)

# Allows every action on every resource: administrator access.
admin(s) if {
	allows(s)
	some action in s.actions
	full_wildcard(action)
	some resource in s.resources
	resource == "*"
}

# How a message names a statement: its Sid when it has one, else its index.
label(s) := sprintf("statement %q", [s.sid]) if _has_sid(s)

label(s) := sprintf("statement %d", [s.index]) if not _has_sid(s)

_has_sid(s) if {
	is_string(s.sid)
	s.sid != ""
}

# A condition of the statement that matches requests not made over TLS (or over TLS
# older than 1.2): `Bool`/`BoolIfExists` `aws:SecureTransport` = false, or
# `NumericLessThan` `s3:TlsVersion` 1.2 or higher. Operator and key names are compared
# case-insensitively, values may be strings, booleans or numbers.
insecure_transport_condition(s) if {
	some c in s.conditions
	_names(c, {"bool", "boolifexists"}, "aws:securetransport")
	some v in c.values
	lower(sprintf("%v", [v])) == "false"
}

insecure_transport_condition(s) if {
	some c in s.conditions
	_names(c, {"numericlessthan", "numericlessthanifexists"}, "s3:tlsversion")
	some v in c.values
	_number(v) >= 1.2
}

# The condition's operator is one of `tests` and its key is `variable` (both lower case).
_names(c, tests, variable) if {
	is_string(c.test)
	is_string(c.variable)
	lower(c.test) in tests
	lower(c.variable) == variable
}

_number(v) := v if is_number(v)

_number(v) := to_number(v) if {
	is_string(v)
	regex.match(`^[0-9]+(\.[0-9]+)?$`, v)
}

# Permissions documents that cannot be read (see `open`), as `undetermined` entries.
open_documents := {core.cannot_judge(r, path) |
	some type_name in document_types
	some r in core.resources(type_name)
	r.mode == "managed"
	some path in documents_of_resource(r)
	not from_data_document(r, path)
	open(r, path)
}

# Trust policies that cannot be read, as `undetermined` entries.
open_trust_documents := {core.cannot_judge(r, ["assume_role_policy"]) |
	some r in _roles
	not from_data_document(r, ["assume_role_policy"])
	open(r, ["assume_role_policy"])
}

# An `undetermined` entry for statement `s` when one of `fields` cannot be known.
undetermined_statement(s, fields) := core.violation(s.resource, s.path, sprintf(
	"%s: its %s cannot be known statically, so the rule could not judge it",
	[label(s), concat(", ", unknown)],
)) if {
	unknown := [f | some f in fields; f in s.unknown]
	count(unknown) > 0
}

# The statement allows, or its effect cannot be known.
may_allow(s) if allows(s)

may_allow(s) if "effect" in s.unknown
