# Builders of policy inputs for the tests of the Google Cloud, Azure and workflow rules,
# in the shape the loaders produce (see ARCHITECTURE.md). No tests of its own.
#
# regorus quirks to keep in mind: assign a result first (`found := x.deny with input as
# ...`) and compare it on the next line, and bind rules of a test package to local
# variables before passing them to a function evaluated `with input as` them.
package soc2gate.lib.inputs_test

# A managed resource of the resource graph; its provider is the type's prefix.
resource(type_name, name, values) := {
	"address": sprintf("%s.%s", [type_name, name]),
	"mode": "managed",
	"type": type_name,
	"name": name,
	"provider": split(type_name, "_")[0],
	"module": "",
	"file": "main.tf",
	"values": values,
	"unknown": [],
	"refs": {},
}

# A data source (`data.<type>.<name>`).
data_source(type_name, name, values) := object.union(resource(type_name, name, values), {
	"address": sprintf("data.%s.%s", [type_name, name]),
	"mode": "data",
})

# A settings resource, as the YAML loaders produce (e.g. a workflow).
settings(type_name, name, file, values) := object.union(resource(type_name, name, values), {
	"mode": "settings",
	"file": file,
})

# The same resource with some paths unknown (absent from its values, listed in `unknown`).
with_unknown(r, paths) := object.union(r, {"unknown": paths})

# The same resource with references: attribute path -> addresses.
with_refs(r, refs) := object.union(r, {"refs": refs})

# The policy input holding `resources`, grouped by type.
input_of(resources) := {"resources": {t: [r | some r in resources; r.type == t] |
	some x in resources
	t := x.type
}}
