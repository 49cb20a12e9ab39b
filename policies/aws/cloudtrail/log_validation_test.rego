package soc2gate.aws.cloudtrail.log_validation_test

import data.soc2gate.aws.cloudtrail.log_validation
import data.soc2gate.lib.aws.inputs_test as t

trail(values) := t.resource("aws_cloudtrail", "main", object.union({"name": "main", "s3_bucket_name": "acme-trail"}, values))

found_for(trails) := found if {
	found := log_validation.deny with input as t.input_of(trails)
}

test_unset_fails_at_the_header if {
	found_for([trail({})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "",
		"message": `trail "main" does not validate its log files, so tampering cannot be detected: enable_log_file_validation is unset and defaults to false; set enable_log_file_validation = true`,
	}}
}

test_false_fails_at_the_attribute if {
	found_for([trail({"enable_log_file_validation": false})]) == {{
		"resource": "aws_cloudtrail.main",
		"attribute": "enable_log_file_validation",
		"message": `trail "main" does not validate its log files, so tampering cannot be detected: enable_log_file_validation is false; set enable_log_file_validation = true`,
	}}
}

test_validation_enabled_passes if {
	found_for([trail({"enable_log_file_validation": true})]) == set()
}

test_unknown_stays_silent if {
	found_for([t.with_unknown(trail({}), ["enable_log_file_validation"])]) == set()
}

test_data_sources_are_not_judged if {
	found_for([t.data_source("aws_cloudtrail", "existing", {"name": "existing"})]) == set()
}
