package soc2gate.aws.iam.no_wildcard_trust_test

import data.soc2gate.aws.iam.no_wildcard_trust
import data.soc2gate.lib.aws.inputs_test as t

found_for(resources) := found if {
	found := no_wildcard_trust.deny with input as t.input_of(resources)
}

role(name, document) := t.resource("aws_iam_role", name, {"name": name, "assume_role_policy": document})

trust(statement) := json.marshal(t.document([object.union({"Effect": "Allow", "Action": "sts:AssumeRole"}, statement)]))

suffix := `allows any principal ("*") to assume the role without a condition; trust named accounts, roles or services, or add a condition such as sts:ExternalId or aws:PrincipalOrgID`

# Form (a): a JSON string.
test_principal_star_fails_at_the_principal if {
	r := role("public", trust({"Principal": "*"}))
	found_for([r]) == {{
		"resource": "aws_iam_role.public",
		"attribute": "assume_role_policy.Statement[0].Principal",
		"message": concat(" ", [`trust policy of role "public": statement 0`, suffix]),
	}}
}

test_aws_star_fails_as_a_string_or_in_a_list if {
	as_string := role("a", trust({"Principal": {"AWS": "*"}}))
	in_list := role("b", trust({"Sid": "Anyone", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}}))
	found := found_for([as_string, in_list])
	{[v.resource, v.attribute] | some v in found} == {
		["aws_iam_role.a", "assume_role_policy.Statement[0].Principal"],
		["aws_iam_role.b", "assume_role_policy.Statement[0].Principal"],
	}
	some v in found
	v.resource == "aws_iam_role.b"
	startswith(v.message, `trust policy of role "b": statement "Anyone" allows any principal`)
}

test_condition_passes if {
	external_id := role("vendor", trust({"Principal": {"AWS": "*"}, "Condition": {"StringEquals": {"sts:ExternalId": "acme-1234"}}}))
	org := role("org", trust({"Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}}))
	found_for([external_id, org]) == set()
}

test_empty_condition_is_no_condition if {
	r := role("empty", trust({"Principal": "*", "Condition": {}}))
	count(found_for([r])) == 1
}

test_named_principals_and_deny_pass if {
	account := role("account", trust({"Principal": {"AWS": "arn:aws:iam::111122223333:root"}}))
	service := role("service", trust({"Principal": {"Service": "ec2.amazonaws.com"}}))
	deny := role("deny", trust({"Effect": "Deny", "Principal": "*"}))
	found_for([account, service, deny]) == set()
}

# Form (b): a partly known object.
test_unknown_principal_stays_silent if {
	doc := t.document([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {}}])
	r := t.with_unknown(role("computed", doc), ["assume_role_policy.Statement[0].Principal.AWS"])
	found_for([r]) == set()
}

test_unknown_condition_stays_silent if {
	doc := t.document([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": "*", "Condition": {}}])
	r := t.with_unknown(role("computed", doc), ["assume_role_policy.Statement[0].Condition.StringEquals"])
	found_for([r]) == set()
}

test_unknown_effect_stays_silent if {
	doc := t.document([{"Action": "sts:AssumeRole", "Principal": "*"}])
	r := t.with_unknown(role("computed", doc), ["assume_role_policy.Statement[0].Effect"])
	found_for([r]) == set()
}

test_known_star_beside_an_unknown_principal_fails if {
	doc := t.document([{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": ["*", null]}}])
	r := t.with_unknown(role("mixed", doc), ["assume_role_policy.Statement[0].Principal.AWS[1]"])
	count(found_for([r])) == 1
}

test_unknown_document_stays_silent if {
	r := t.with_unknown(t.resource("aws_iam_role", "r", {"name": "r"}), ["assume_role_policy"])
	found_for([r]) == set()
}

# Form (c): the data source, reported once at its principals block.
data_trust(statement) := t.data_source("aws_iam_policy_document", "trust", {"statement": [object.union({"actions": ["sts:AssumeRole"]}, statement)]})

uses(name) := t.with_unknown(t.with_refs(t.resource("aws_iam_role", name, {"name": name}), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]}), ["assume_role_policy"])

test_data_source_fails_once_at_its_principals_block if {
	d := data_trust({"principals": [
		{"type": "Service", "identifiers": ["ec2.amazonaws.com"]},
		{"type": "AWS", "identifiers": ["*"]},
	]})
	a := uses("a")
	b := uses("b")
	found_for([d, a, b]) == {{
		"resource": "data.aws_iam_policy_document.trust",
		"attribute": "statement[0].principals[1]",
		"message": concat(" ", ["trust policy data.aws_iam_policy_document.trust: statement 0", suffix]),
	}}
}

test_data_source_rendered_by_the_loader_is_read_at_the_data_source if {
	d := data_trust({"principals": [{"type": "*", "identifiers": ["*"]}]})
	r := t.with_refs(role("a", trust({"Principal": "*"})), {"assume_role_policy": ["data.aws_iam_policy_document.trust"]})
	found := found_for([d, r])
	[v.resource | some v in found] == ["data.aws_iam_policy_document.trust"]
}

test_data_source_with_a_condition_passes if {
	d := data_trust({
		"principals": [{"type": "AWS", "identifiers": ["*"]}],
		"condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-abc123"]}],
	})
	found_for([d, uses("a")]) == set()
}

test_data_source_with_a_dynamic_condition_stays_silent if {
	d := t.with_unknown(data_trust({"principals": [{"type": "AWS", "identifiers": ["*"]}]}), ["statement[0].condition"])
	found_for([d, uses("a")]) == set()
}

test_data_source_explicit_deny_passes if {
	d := data_trust({"effect": "Deny", "principals": [{"type": "AWS", "identifiers": ["*"]}]})
	found_for([d, uses("a")]) == set()
}

test_data_source_not_used_as_a_trust_policy_is_not_judged if {
	d := data_trust({"principals": [{"type": "AWS", "identifiers": ["*"]}]})
	found_for([d]) == set()
}

test_role_data_sources_are_not_judged if {
	existing := t.data_source("aws_iam_role", "existing", {"name": "existing", "assume_role_policy": trust({"Principal": "*"})})
	found_for([existing]) == set()
}

test_role_without_a_name_is_described_by_address if {
	r := t.resource("aws_iam_role", "generated", {"name_prefix": "ci-", "assume_role_policy": trust({"Principal": "*"})})
	[v] := [x | some x in found_for([r])]
	startswith(v.message, "trust policy of role aws_iam_role.generated: statement 0")
}
