package soc2gate.aws.cloudtrail.multi_region_test

import data.soc2gate.aws.cloudtrail.multi_region
import data.soc2gate.lib.aws.inputs_test as t

trail(values) := t.resource("aws_cloudtrail", "main", object.union({"name": "main", "s3_bucket_name": "acme-trail"}, values))

found_for(trails) := found if {
	found := multi_region.deny with input as t.input_of(trails)
}

test_unset_fails_at_the_header if {
	found_for([trail({})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "",
		"message": `trail "main" logs the events of its own region only: is_multi_region_trail is unset and defaults to false; set is_multi_region_trail = true`,
	}}
}

test_false_fails_at_the_attribute if {
	found_for([trail({"is_multi_region_trail": false})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "is_multi_region_trail",
		"message": `trail "main" logs the events of its own region only: is_multi_region_trail is false; set is_multi_region_trail = true`,
	}}
}

test_multi_region_passes if {
	found_for([trail({"is_multi_region_trail": true})]) == set()
	found_for([trail({"is_multi_region_trail": true, "is_organization_trail": true})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(trail({}), ["is_multi_region_trail"])]) == set()
}

test_trail_without_a_known_name_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_cloudtrail", "main", {}), ["name"])
	[v] := [x | some x in found_for([r])]
	startswith(v.message, "trail aws_cloudtrail.main logs the events of its own region only")
}

test_data_sources_are_not_judged if {
	found_for([t.data_source("aws_cloudtrail", "existing", {"name": "existing"})]) == set()
}
