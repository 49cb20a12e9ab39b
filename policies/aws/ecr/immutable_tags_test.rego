package soc2gate.aws.ecr.immutable_tags_test

import data.soc2gate.aws.ecr.immutable_tags
import data.soc2gate.lib.aws.inputs_test as t

repository(values) := t.resource("aws_ecr_repository", "app", object.union({"name": "acme/app"}, values))

found_for(r) := found if {
	found := immutable_tags.deny with input as t.input_of([r])
}

test_unset_mutability_fails_at_the_header if {
	found_for(repository({})) == {{
		"resource": "aws_ecr_repository.app",
		"attribute": "",
		"message": `ECR repository "acme/app" has mutable image tags: image_tag_mutability is unset and defaults to MUTABLE, so a pushed tag can be moved to another image; set image_tag_mutability = "IMMUTABLE"`,
	}}
}

test_mutable_fails_at_the_attribute if {
	found_for(repository({"image_tag_mutability": "MUTABLE"})) == {{
		"resource": "aws_ecr_repository.app",
		"attribute": "image_tag_mutability",
		"message": `ECR repository "acme/app" has image_tag_mutability = "MUTABLE", so a pushed tag can be moved to another image; set image_tag_mutability = "IMMUTABLE"`,
	}}
}

test_mutable_with_exclusion_fails if {
	found := found_for(repository({"image_tag_mutability": "MUTABLE_WITH_EXCLUSION"}))
	[v] := [x | some x in found]
	v.attribute == "image_tag_mutability"
}

test_immutable_passes if {
	found_for(repository({"image_tag_mutability": "IMMUTABLE"})) == set()
}

test_immutable_with_exclusion_passes if {
	r := repository({
		"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION",
		"image_tag_mutability_exclusion_filter": [{"filter": "latest", "filter_type": "WILDCARD"}],
	})
	found_for(r) == set()
}

test_unknown_mutability_stays_silent if {
	found_for(t.with_unknown(repository({}), ["image_tag_mutability"])) == set()
}

test_repository_with_unknown_name_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_ecr_repository", "app", {"image_tag_mutability": "MUTABLE"}), ["name"])
	[v] := [x | some x in found_for(r)]
	startswith(v.message, "ECR repository aws_ecr_repository.app has")
}

test_repository_data_sources_are_not_judged if {
	found_for(t.data_source("aws_ecr_repository", "app", {"name": "acme/app"})) == set()
}
