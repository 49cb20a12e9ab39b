package soc2gate.lib.aws.iam_test

import data.soc2gate.lib.aws.iam
import data.soc2gate.lib.aws.inputs_test as t

admin_json := `{"Version":"2012-10-17","Statement":[{"Sid":"Admin","Effect":"Allow","Action":"*","Resource":"*"}]}`

# Form (a): a known JSON string.
test_json_string_statement if {
	r := t.resource("aws_iam_policy", "admin", {"policy": admin_json})
	[s] := iam.statements(r, ["policy"])
	s.resource.address == "aws_iam_policy.admin"
	s.path == "policy.Statement[0]"
	s.paths.actions == "policy.Statement[0].Action"
	s.sid == "Admin"
	s.effect == "Allow"
	s.actions == ["*"]
	s.resources == ["*"]
	s.present == {"sid", "effect", "actions", "resources"}
	s.unknown == set()
	s.complete
	not iam.open(r, ["policy"])
}

test_statement_may_be_a_single_object if {
	doc := `{"Statement":{"Effect":"Deny","NotAction":["iam:*"],"NotResource":"arn:aws:s3:::x","Principal":{"AWS":["arn:aws:iam::1:root","*"]}}}`
	r := t.resource("aws_s3_bucket_policy", "p", {"policy": doc})
	[s] := iam.statements(r, ["policy"])
	s.path == "policy.Statement"
	s.paths.not_actions == "policy.Statement.NotAction"
	s.effect == "Deny"
	s.actions == []
	s.not_actions == ["iam:*"]
	s.not_resources == ["arn:aws:s3:::x"]
	s.principals == [{"type": "AWS", "identifiers": ["arn:aws:iam::1:root", "*"]}]
}

# `jsonencode` keeps a null, which the IAM reads as no key: `NotAction = null` is no
# NotAction, a null principal or condition value is none.
test_null_keys_are_absent if {
	doc := `{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotAction":null,"Resource":"*","NotResource":null,"Principal":{"AWS":null,"Service":"s3.amazonaws.com"},"Condition":{"Bool":{"aws:SecureTransport":null}}}]}`
	r := t.resource("aws_s3_bucket_policy", "p", {"policy": doc})
	[s] := iam.statements(r, ["policy"])
	s.present == {"effect", "actions", "resources", "principals", "conditions"}
	s.not_actions == []
	s.principals == [{"type": "Service", "identifiers": ["s3.amazonaws.com"]}]
	s.conditions == []
}

test_principal_star_and_conditions if {
	doc := `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":["1.2", 1.0]}}}]}`
	r := t.resource("aws_s3_bucket_policy", "p", {"policy": doc})
	[s] := iam.statements(r, ["policy"])
	s.principals == [{"type": "*", "identifiers": ["*"]}]
	{c | some c in s.conditions} == {
		{"test": "Bool", "variable": "aws:SecureTransport", "values": [false]},
		{"test": "NumericLessThan", "variable": "s3:TlsVersion", "values": ["1.2", 1.0]},
	}
}

test_no_statement_is_an_empty_closed_document if {
	r := t.resource("aws_iam_policy", "p", {"policy": `{"Version":"2012-10-17"}`})
	iam.statements(r, ["policy"]) == []
	not iam.open(r, ["policy"])
}

test_invalid_json_is_open if {
	r := t.resource("aws_iam_policy", "p", {"policy": "not json ${"})
	iam.statements(r, ["policy"]) == []
	iam.open(r, ["policy"])
}

test_unset_document_is_empty_and_closed if {
	r := t.resource("aws_s3_bucket", "b", {"bucket": "x"})
	iam.statements(r, ["policy"]) == []
	not iam.open(r, ["policy"])
}

# Form (b): a decoded object with unknown parts.
test_partly_known_object if {
	doc := t.document([{"Effect": "Allow", "Action": ["s3:GetObject", null], "Resource": "*"}])
	r := t.with_unknown(t.resource("aws_iam_role_policy", "worker", {"policy": doc}), ["policy.Statement[0].Action[1]", "role"])
	[s] := iam.statements(r, ["policy"])
	s.actions == ["s3:GetObject"]
	s.unknown == {"actions"}
	not s.complete
	s.resources == ["*"]
	not iam.open(r, ["policy"])
}

test_unknown_key_of_a_statement_is_present_but_unknown if {
	doc := t.document([{"Action": "*", "Resource": "*"}])
	r := t.with_unknown(t.resource("aws_iam_policy", "p", {"policy": doc}), ["policy.Statement[0].Effect"])
	[s] := iam.statements(r, ["policy"])
	s.effect == null
	"effect" in s.present
	"effect" in s.unknown
	not iam.allows(s)
}

test_unknown_condition_value_makes_conditions_unknown if {
	doc := t.document([{"Effect": "Deny", "Condition": {"Bool": {}}}])
	r := t.with_unknown(t.resource("aws_s3_bucket_policy", "p", {"policy": doc}), [`policy.Statement[0].Condition.Bool["aws:SecureTransport"]`])
	[s] := iam.statements(r, ["policy"])
	s.unknown == {"conditions"}
}

test_unknown_statement_list_is_open if {
	doc := {"Version": "2012-10-17"}
	r := t.with_unknown(t.resource("aws_iam_policy", "p", {"policy": doc}), ["policy.Statement"])
	iam.statements(r, ["policy"]) == []
	iam.open(r, ["policy"])
}

test_unknown_statement_element_is_open if {
	doc := t.document([null, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}])
	r := t.with_unknown(t.resource("aws_iam_policy", "p", {"policy": doc}), ["policy.Statement[0]"])
	[s] := iam.statements(r, ["policy"])
	s.index == 1
	iam.open(r, ["policy"])
}

test_unknown_document_without_reference_is_open if {
	r := t.with_unknown(t.resource("aws_iam_policy", "p", {}), ["policy"])
	iam.statements(r, ["policy"]) == []
	iam.open(r, ["policy"])
}

# Form (c): data.aws_iam_policy_document.
read_doc := t.data_source("aws_iam_policy_document", "read", {"statement": [
	{"actions": ["s3:GetObject"], "resources": [null]},
	{
		"sid": "DenyInsecure",
		"effect": "Deny",
		"actions": ["s3:*"],
		"principals": [{"type": "*", "identifiers": ["*"]}],
		"condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}],
	},
]})

read_doc_unknown := t.with_unknown(read_doc, ["statement[0].resources[0]"])

read_policy := t.with_unknown(
	t.with_refs(t.resource("aws_iam_policy", "read", {}), {"policy": ["data.aws_iam_policy_document.read"]}),
	["policy"],
)

test_data_document_through_the_reference if {
	d := read_doc_unknown
	r := read_policy
	inp := t.input_of([d, r])
	got := iam.statements(r, ["policy"]) with input as inp
	[first, second] := got
	first.resource.address == "data.aws_iam_policy_document.read"
	first.path == "statement[0]"
	first.paths.actions == "statement[0].actions"
	first.effect == "Allow"
	first.actions == ["s3:GetObject"]
	first.resources == []
	first.unknown == {"resources"}
	second.effect == "Deny"
	second.sid == "DenyInsecure"
	second.principals == [{"type": "*", "identifiers": ["*"]}]
	second.conditions == [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]
	second.paths.conditions == "statement[1].condition"
	iam.insecure_transport_condition(second)
	not iam.open(r, ["policy"]) with input as inp
}

test_inline_statements_do_not_follow_references if {
	d := read_doc
	r := read_policy
	got := iam.inline_statements(r, ["policy"]) with input as t.input_of([d, r])
	got == []
}

test_reference_to_a_missing_data_source_is_open if {
	r := read_policy
	inp := t.input_of([r])
	got := iam.statements(r, ["policy"]) with input as inp
	got == []
	iam.open(r, ["policy"]) with input as inp
}

test_reference_to_something_else_too_is_open if {
	d := read_doc
	r := t.with_refs(read_policy, {"policy": ["data.aws_iam_policy_document.read", "aws_iam_policy.other"]})
	iam.open(r, ["policy"]) with input as t.input_of([d, r])
}

test_dynamic_statement_is_open if {
	d := t.with_unknown(t.data_source("aws_iam_policy_document", "read", {}), ["statement"])
	r := read_policy
	iam.open(r, ["policy"]) with input as t.input_of([d, r])
}

test_data_effect_unknown_is_null if {
	d := t.with_unknown(t.data_source("aws_iam_policy_document", "x", {"statement": [{"actions": ["*"]}]}), ["statement[0].effect"])
	[s] := iam.data_statements(d)
	s.effect == null
}

test_merged_documents if {
	base := t.data_source("aws_iam_policy_document", "base", {"statement": [{"actions": ["s3:ListBucket"]}]})
	merged := t.with_unknown(
		t.with_refs(
			t.data_source("aws_iam_policy_document", "merged", {
				"source_policy_documents": [null],
				"override_policy_documents": [`{"Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}`],
				"statement": [{"actions": ["s3:GetObject"]}],
			}),
			{"source_policy_documents": ["data.aws_iam_policy_document.base"]},
		),
		["source_policy_documents[0]"],
	)
	r := t.with_unknown(t.with_refs(t.resource("aws_iam_policy", "p", {}), {"policy": ["data.aws_iam_policy_document.merged"]}), ["policy"])
	inp := t.input_of([base, merged, r])

	# Its own statements: the blocks and the literal JSON it merges.
	own := iam.data_statements(merged) with input as inp
	[a.actions | some a in own] == [["s3:GetObject"], ["ec2:*"]]
	own[1].path == "override_policy_documents[0].Statement[0]"

	# Through the policy: also the referenced data source's statements.
	all := iam.statements(r, ["policy"]) with input as inp
	{a.actions[0] | some a in all} == {"s3:GetObject", "ec2:*", "s3:ListBucket"}
	not iam.open(r, ["policy"]) with input as inp
}

test_merged_documents_rendered_by_the_loader_are_not_read_twice if {
	# The loader may render a referenced document's JSON into the merging attribute; the
	# referenced data source is read on its own, so the copy is left out.
	base := t.data_source("aws_iam_policy_document", "base", {"statement": [{"actions": ["s3:*"]}]})
	merged := t.with_refs(
		t.data_source("aws_iam_policy_document", "merged", {
			"source_policy_documents": [`{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`],
			"statement": [{"actions": ["s3:GetObject"]}],
		}),
		{"source_policy_documents": ["data.aws_iam_policy_document.base"]},
	)
	own := iam.data_statements(merged) with input as t.input_of([base, merged])
	[a.actions | some a in own] == [["s3:GetObject"]]
	got := iam.policy_statements with input as t.input_of([base, merged])
	{[s.resource.address, s.path] | some s in got} == {
		["data.aws_iam_policy_document.base", "statement[0]"],
		["data.aws_iam_policy_document.merged", "statement[0]"],
	}
}

test_merged_unknown_document_is_open if {
	merged := t.with_unknown(t.data_source("aws_iam_policy_document", "merged", {"statement": [{"actions": ["s3:GetObject"]}]}), ["source_policy_documents"])
	r := t.with_unknown(t.with_refs(t.resource("aws_iam_policy", "p", {}), {"policy": ["data.aws_iam_policy_document.merged"]}), ["policy"])
	iam.open(r, ["policy"]) with input as t.input_of([merged, r])
}

# Documents by resource type.
test_documents_of_resource if {
	iam.documents_of_resource(t.resource("aws_iam_policy", "p", {})) == [["policy"]]
	iam.documents_of_resource(t.resource("aws_s3_bucket", "b", {})) == [["policy"]]
	role := t.resource("aws_iam_role", "r", {"inline_policy": [{"name": "a", "policy": admin_json}, {"name": "b"}]})
	iam.documents_of_resource(role) == [["inline_policy", 0, "policy"], ["inline_policy", 1, "policy"]]
	iam.documents_of_resource(t.resource("aws_kms_key", "k", {})) == []
	[s] := iam.statements(role, ["inline_policy", 0, "policy"])
	s.path == "inline_policy[0].policy.Statement[0]"
}

# Each document once: data sources on their own, never through the resource using them.
test_policy_statements_read_each_document_once if {
	d := read_doc
	r := read_policy
	inline := t.resource("aws_iam_role_policy", "inline", {"policy": admin_json})
	existing := object.union(t.data_source("aws_iam_policy", "existing", {}), {"unknown": ["policy"]})
	got := iam.policy_statements with input as t.input_of([d, r, inline, existing])
	{[s.resource.address, s.path] | some s in got} == {
		["data.aws_iam_policy_document.read", "statement[0]"],
		["data.aws_iam_policy_document.read", "statement[1]"],
		["aws_iam_role_policy.inline", "policy.Statement[0]"],
	}
}

test_policy_rendered_from_a_data_source_is_read_at_the_data_source if {
	# The loader renders `data.aws_iam_policy_document.x.json` into the policy when it can:
	# the statements are then reported at the data source only.
	d := read_doc
	rendered := json.marshal(t.document([{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]))
	r := t.with_refs(t.resource("aws_iam_policy", "read", {"policy": rendered}), {"policy": ["data.aws_iam_policy_document.read"]})
	inp := t.input_of([d, r])
	iam.from_data_document(r, ["policy"]) with input as inp
	got := iam.policy_statements with input as inp
	{s.resource.address | some s in got} == {"data.aws_iam_policy_document.read"}

	# Read for its content, the rendered policy is an ordinary document.
	all := iam.statements(r, ["policy"]) with input as inp
	[s.path | some s in all] == ["policy.Statement[0]"]
}

test_references_to_other_data_sources_are_not_documents if {
	caller := t.data_source("aws_caller_identity", "current", {})
	doc := json.marshal(t.document([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]))
	r := t.with_refs(t.resource("aws_iam_policy", "p", {"policy": doc}), {"policy": ["data.aws_caller_identity.current"]})
	inp := t.input_of([caller, r])
	not iam.from_data_document(r, ["policy"]) with input as inp
	got := iam.policy_statements with input as inp
	count(got) == 1
}

test_documents_used_only_elsewhere_are_not_permissions_policies if {
	kms_doc := t.data_source("aws_iam_policy_document", "kms", {"statement": [{"actions": ["kms:*"], "resources": ["*"]}]})
	key := t.with_refs(t.resource("aws_kms_key", "k", {}), {"policy": ["data.aws_iam_policy_document.kms"]})
	trust := t.data_source("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:*"]}]})
	role := t.with_refs(t.resource("aws_iam_role", "r", {}), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	unused := t.data_source("aws_iam_policy_document", "exported", {"statement": [{"actions": ["ec2:*"]}]})
	got := iam.policy_statements with input as t.input_of([kms_doc, key, trust, role, unused])
	{s.resource.address | some s in got} == {"data.aws_iam_policy_document.exported"}
}

test_documents_used_by_inline_role_policies_and_other_documents if {
	a := t.data_source("aws_iam_policy_document", "a", {"statement": [{"actions": ["s3:*"]}]})
	b := t.data_source("aws_iam_policy_document", "b", {"statement": [{"actions": ["ec2:*"]}]})
	c := t.with_refs(t.data_source("aws_iam_policy_document", "c", {"statement": [{"actions": ["sqs:*"]}]}), {"source_policy_documents": ["data.aws_iam_policy_document.b"]})
	role := t.with_refs(t.resource("aws_iam_role", "r", {}), {
		"inline_policy[0].policy": ["data.aws_iam_policy_document.a"],
		"assume_role_policy": ["data.aws_iam_policy_document.c"],
	})
	got := iam.policy_statements with input as t.input_of([a, b, c, role])
	{s.resource.address | some s in got} == {"data.aws_iam_policy_document.a", "data.aws_iam_policy_document.b"}
}

# Predicates.
test_wildcards if {
	iam.full_wildcard("*")
	iam.full_wildcard("*:*")
	iam.service_wildcard("s3:*")
	iam.service_wildcard("S3:*")
	iam.wildcard_action("iam:*")
	not iam.wildcard_action("s3:Get*")
	not iam.wildcard_action("s3:GetObject")
	not iam.service_wildcard("*")
}

test_admin if {
	r := t.resource("aws_iam_policy", "admin", {"policy": admin_json})
	[s] := iam.statements(r, ["policy"])
	iam.admin(s)
	not iam.admin(object.union(s, {"effect": "Deny"}))
	not iam.admin(object.union(s, {"resources": ["arn:aws:s3:::x"]}))
	not iam.admin(object.union(s, {"actions": ["s3:*"]}))
}

test_label if {
	iam.label({"sid": "Admin", "index": 2}) == `statement "Admin"`
	iam.label({"sid": null, "index": 2}) == "statement 2"
	iam.label({"sid": "", "index": 0}) == "statement 0"
}

test_insecure_transport_conditions if {
	iam.insecure_transport_condition({"conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]})
	iam.insecure_transport_condition({"conditions": [{"test": "Bool", "variable": "aws:securetransport", "values": [false]}]})
	iam.insecure_transport_condition({"conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["False"]}]})
	iam.insecure_transport_condition({"conditions": [{"test": "NumericLessThan", "variable": "s3:TlsVersion", "values": ["1.2"]}]})
	iam.insecure_transport_condition({"conditions": [{"test": "NumericLessThan", "variable": "s3:TlsVersion", "values": [1.3]}]})
	not iam.insecure_transport_condition({"conditions": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["true"]}]})
	not iam.insecure_transport_condition({"conditions": [{"test": "NumericLessThan", "variable": "s3:TlsVersion", "values": ["1.1"]}]})
	not iam.insecure_transport_condition({"conditions": [{"test": "NumericLessThan", "variable": "s3:TlsVersion", "values": ["TLS1.2"]}]})
	not iam.insecure_transport_condition({"conditions": [{"test": null, "variable": "aws:SecureTransport", "values": ["false"]}]})
	not iam.insecure_transport_condition({"conditions": []})
}

# Trust policies.
trust_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"}}]}`

test_trust_statements_inline_and_data_sources_each_once if {
	inline := t.resource("aws_iam_role", "inline", {"assume_role_policy": trust_json})
	d := t.data_source("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})

	# One role with the rendered JSON, one whose reference the loader could not render.
	rendered := t.with_refs(t.resource("aws_iam_role", "rendered", {"assume_role_policy": trust_json}), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	unrendered := t.with_unknown(t.with_refs(t.resource("aws_iam_role", "unrendered", {}), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), ["assume_role_policy"])
	existing := t.data_source("aws_iam_role", "existing", {"assume_role_policy": trust_json})
	got := iam.trust_statements with input as t.input_of([inline, d, rendered, unrendered, existing])
	{[s.resource.address, s.path] | some s in got} == {
		["aws_iam_role.inline", "assume_role_policy.Statement[0]"],
		["data.aws_iam_policy_document.trust", "statement[0]"],
	}
}

test_trust_statements_ignore_permissions_documents if {
	d := t.data_source("aws_iam_policy_document", "read", {"statement": [{"actions": ["s3:GetObject"]}]})
	p := t.with_unknown(t.with_refs(t.resource("aws_iam_policy", "read", {}), {"policy": ["data.aws_iam_policy_document.read"]}), ["policy"])
	got := iam.trust_statements with input as t.input_of([d, p])
	got == set()
}

test_wildcard_principals if {
	iam.wildcard_principal({"type": "*", "identifiers": ["*"]})
	iam.wildcard_principal({"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root", "*"]})
	not iam.wildcard_principal({"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]})
	not iam.wildcard_principal({"type": "Service", "identifiers": ["ec2.amazonaws.com"]})
	not iam.wildcard_principal({"type": null, "identifiers": ["*"]})
}
