package soc2gate.aws.ec2.imdsv2_test

import data.soc2gate.aws.ec2.imdsv2
import data.soc2gate.lib.aws.inputs_test as t

instance(values) := t.resource("aws_instance", "web", object.union({"ami": "ami-0123456789abcdef0", "instance_type": "t3.small"}, values))

template(values) := t.resource("aws_launch_template", "web", object.union({"name": "acme-web", "image_id": "ami-0123456789abcdef0"}, values))

found_for(resources) := found if {
	found := imdsv2.deny with input as t.input_of(resources)
}

test_instance_without_metadata_options_fails_at_the_header if {
	r := instance({})
	found_for([r]) == {{
		"resource": "aws_instance.web",
		"attribute": "",
		"message": `instance aws_instance.web has no metadata_options, so http_tokens defaults to "optional" and IMDSv1 is accepted; add metadata_options { http_tokens = "required" }`,
	}}
}

test_launch_template_with_optional_tokens_fails_at_the_attribute if {
	r := template({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "optional"}]})
	found_for([r]) == {{
		"resource": "aws_launch_template.web",
		"attribute": "metadata_options[0].http_tokens",
		"message": `launch template "acme-web" sets http_tokens = "optional", which accepts IMDSv1; set http_tokens = "required"`,
	}}
}

test_unset_tokens_default_to_optional if {
	r := instance({"tags": {"Name": "acme-web-1"}, "metadata_options": [{"http_put_response_hop_limit": 2}]})
	found_for([r]) == {{
		"resource": "aws_instance.web",
		"attribute": "metadata_options[0].http_tokens",
		"message": `instance "acme-web-1" does not set metadata_options.http_tokens, so it defaults to "optional" and IMDSv1 is accepted; set http_tokens = "required"`,
	}}
}

test_launch_template_without_metadata_options_fails if {
	r := t.resource("aws_launch_template", "web", {"name_prefix": "web-", "image_id": "ami-0123456789abcdef0"})
	[v] := [x | some x in found_for([r])]
	v.attribute == ""
	startswith(v.message, "launch template aws_launch_template.web has no metadata_options")
}

test_required_tokens_pass if {
	i := instance({"metadata_options": [{"http_tokens": "required"}]})
	l := template({"metadata_options": [{"http_endpoint": "enabled", "http_tokens": "required", "http_put_response_hop_limit": 1}]})
	found_for([i, l]) == set()
}

test_disabled_endpoint_passes if {
	unset := instance({"metadata_options": [{"http_endpoint": "disabled"}]})
	optional := template({"metadata_options": [{"http_endpoint": "disabled", "http_tokens": "optional"}]})
	found_for([unset, optional]) == set()
}

test_instance_from_a_launch_template_inherits_its_options if {
	no_block := instance({"launch_template": [{"name": "acme-web", "version": "$Latest"}]})
	no_tokens := t.resource("aws_instance", "worker", {"launch_template": [{"id": "lt-0123456789abcdef0"}], "metadata_options": [{"http_put_response_hop_limit": 2}]})
	found_for([no_block, no_tokens]) == set()
}

test_instance_from_a_launch_template_with_optional_tokens_fails if {
	r := instance({"launch_template": [{"name": "acme-web"}], "metadata_options": [{"http_tokens": "optional"}]})
	[v] := [x | some x in found_for([r])]
	v.attribute == "metadata_options[0].http_tokens"
}

test_unknown_values_stay_silent if {
	tokens := t.with_unknown(instance({"metadata_options": [{}]}), ["metadata_options[0].http_tokens"])
	endpoint := t.with_unknown(template({"metadata_options": [{"http_tokens": "optional"}]}), ["metadata_options[0].http_endpoint"])
	block := t.with_unknown(t.resource("aws_instance", "dynamic", {}), ["metadata_options"])
	from_template := t.with_unknown(t.resource("aws_instance", "maybe_template", {}), ["launch_template"])
	found_for([tokens, endpoint, block, from_template]) == set()
}

test_unknown_endpoint_with_unset_tokens_stays_silent if {
	r := t.with_unknown(template({"metadata_options": [{}]}), ["metadata_options[0].http_endpoint"])
	found_for([r]) == set()
}

test_data_sources_are_not_judged if {
	i := t.data_source("aws_instance", "existing", {})
	l := t.data_source("aws_launch_template", "existing", {"name": "acme-existing"})
	found_for([i, l]) == set()
}
