package soc2gate.lib.aws.cloudtrail_test

import data.soc2gate.lib.aws.cloudtrail
import data.soc2gate.lib.aws.inputs_test as t

test_trails_are_managed_only if {
	trail := t.resource("aws_cloudtrail", "main", {"name": "main"})
	existing := t.data_source("aws_cloudtrail", "existing", {"name": "existing"})
	got := cloudtrail.trails with input as t.input_of([trail, existing])
	[x.address | some x in got] == ["aws_cloudtrail.main"]
}

test_describe if {
	cloudtrail.describe(t.resource("aws_cloudtrail", "main", {"name": "org-audit"})) == `trail "org-audit"`
	cloudtrail.describe(t.with_unknown(t.resource("aws_cloudtrail", "main", {}), ["name"])) == "trail aws_cloudtrail.main"
}

test_not_enabled if {
	trail := t.resource("aws_cloudtrail", "main", {"off": false, "on": true, "text_off": "false", "text_on": "true"})
	cloudtrail.not_enabled(trail, "unset") == ""
	cloudtrail.not_enabled(trail, "off") == "off"
	cloudtrail.not_enabled(trail, "text_off") == "text_off"
	not cloudtrail.not_enabled(trail, "on")
	not cloudtrail.not_enabled(trail, "text_on")
	not cloudtrail.not_enabled(t.with_unknown(trail, ["computed"]), "computed")
}

test_state if {
	trail := t.resource("aws_cloudtrail", "main", {"off": false})
	cloudtrail.state(trail, "unset") == "unset and defaults to false"
	cloudtrail.state(trail, "off") == "false"
}
