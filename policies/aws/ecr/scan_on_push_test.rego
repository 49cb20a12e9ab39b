package soc2gate.aws.ecr.scan_on_push_test

import data.soc2gate.aws.ecr.scan_on_push
import data.soc2gate.lib.aws.inputs_test as t

repository(values) := t.resource("aws_ecr_repository", "app", object.union({"name": "acme/app"}, values))

scanning(values) := t.resource("aws_ecr_registry_scanning_configuration", "this", values)

registry_rule(frequency, filter) := {
	"scan_frequency": frequency,
	"repository_filter": [{"filter": filter, "filter_type": "WILDCARD"}],
}

found_for(r) := found if {
	found := scan_on_push.deny with input as t.input_of([r])
}

# Deny with registry scanning configurations somewhere in the scan.
found_with_registry(r, configurations) := found if {
	found := scan_on_push.deny with input as t.input_of([r])
		with data.scan.resources as {"aws_ecr_registry_scanning_configuration": configurations}
}

test_repository_without_configuration_fails_at_the_header if {
	found_for(repository({})) == {{
		"resource": "aws_ecr_repository.app",
		"attribute": "",
		"message": `ECR repository "acme/app" does not scan images on push: no image_scanning_configuration (scan_on_push defaults to false) and no registry scanning rule covers it; add image_scanning_configuration { scan_on_push = true }`,
	}}
}

test_scan_on_push_false_fails_at_the_attribute if {
	found_for(repository({"image_scanning_configuration": [{"scan_on_push": false}]})) == {{
		"resource": "aws_ecr_repository.app",
		"attribute": "image_scanning_configuration[0].scan_on_push",
		"message": `ECR repository "acme/app" has scan_on_push = false: pushed images are not scanned for vulnerabilities; set scan_on_push = true`,
	}}
}

test_block_without_scan_on_push_fails_at_the_block if {
	found_for(repository({"image_scanning_configuration": [{}]})) == {{
		"resource": "aws_ecr_repository.app",
		"attribute": "image_scanning_configuration[0]",
		"message": `ECR repository "acme/app" does not scan images on push: scan_on_push is unset and defaults to false; set scan_on_push = true`,
	}}
}

test_scan_on_push_true_passes if {
	found_for(repository({"image_scanning_configuration": [{"scan_on_push": true}]})) == set()
}

test_unknown_scan_on_push_stays_silent if {
	r := t.with_unknown(repository({"image_scanning_configuration": [{}]}), ["image_scanning_configuration[0].scan_on_push"])
	found_for(r) == set()
}

test_unknown_configuration_block_stays_silent if {
	found_for(t.with_unknown(repository({}), ["image_scanning_configuration"])) == set()
}

test_registry_rule_matching_every_repository_exempts if {
	r := repository({})
	c := scanning({"scan_type": "ENHANCED", "rule": [registry_rule("CONTINUOUS_SCAN", "*")]})
	found_with_registry(r, [c]) == set()
}

test_basic_registry_scan_on_push_with_matching_prefix_exempts if {
	r := repository({"image_scanning_configuration": [{"scan_on_push": false}]})
	c := scanning({"scan_type": "BASIC", "rule": [registry_rule("SCAN_ON_PUSH", "acme/*")]})
	found_with_registry(r, [c]) == set()
}

test_registry_rule_for_other_repositories_does_not_exempt if {
	r := repository({})
	c := scanning({"scan_type": "ENHANCED", "rule": [registry_rule("CONTINUOUS_SCAN", "prod-*")]})
	count(found_with_registry(r, [c])) == 1
}

test_manual_registry_rule_does_not_exempt if {
	r := repository({})
	c := scanning({"scan_type": "BASIC", "rule": [registry_rule("MANUAL", "*")]})
	count(found_with_registry(r, [c])) == 1
}

test_registry_without_rules_does_not_exempt if {
	r := repository({})
	count(found_with_registry(r, [scanning({"scan_type": "BASIC"})])) == 1
}

test_registry_data_source_does_not_exempt if {
	r := repository({})
	c := t.data_source("aws_ecr_registry_scanning_configuration", "this", {"rule": [registry_rule("SCAN_ON_PUSH", "*")]})
	count(found_with_registry(r, [c])) == 1
}

test_unknown_registry_rules_stay_silent if {
	r := repository({})
	c := t.with_unknown(scanning({"scan_type": "ENHANCED"}), ["rule"])
	found_with_registry(r, [c]) == set()
}

test_unknown_registry_frequency_stays_silent if {
	r := repository({})
	c := t.with_unknown(
		scanning({"rule": [{"repository_filter": [{"filter": "*", "filter_type": "WILDCARD"}]}]}),
		["rule[0].scan_frequency"],
	)
	found_with_registry(r, [c]) == set()
}

test_unknown_registry_filter_stays_silent if {
	r := repository({})
	c := t.with_unknown(
		scanning({"rule": [{"scan_frequency": "SCAN_ON_PUSH", "repository_filter": [{"filter_type": "WILDCARD"}]}]}),
		["rule[0].repository_filter[0].filter"],
	)
	found_with_registry(r, [c]) == set()
}

test_repository_with_unknown_name_and_a_registry_rule_stays_silent if {
	r := t.with_unknown(t.resource("aws_ecr_repository", "app", {}), ["name"])
	c := scanning({"rule": [registry_rule("SCAN_ON_PUSH", "prod-*")]})
	found_with_registry(r, [c]) == set()
}

test_repository_data_sources_are_not_judged if {
	found_for(t.data_source("aws_ecr_repository", "app", {"name": "acme/app"})) == set()
}
