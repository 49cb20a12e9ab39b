package soc2gate.aws.guardduty.enabled_test

import data.soc2gate.aws.guardduty.enabled
import data.soc2gate.lib.aws.inputs_test as t

detector(values) := t.resource("aws_guardduty_detector", "main", values)

found_for(d) := found if {
	found := enabled.deny with input as t.input_of([d])
}

test_disabled_detector_fails_at_enable if {
	found_for(detector({"enable": false})) == {{
		"resource": "aws_guardduty_detector.main",
		"attribute": "enable",
		"message": "GuardDuty detector aws_guardduty_detector.main is disabled (enable = false): threats are not detected; set enable = true",
	}}
}

test_enabled_detector_passes if {
	found_for(detector({"enable": true})) == set()
}

test_unset_enable_takes_the_default_true if {
	found_for(detector({})) == set()
}

test_unknown_enable_stays_silent if {
	found_for(t.with_unknown(detector({}), ["enable"])) == set()
}

test_detector_data_sources_are_not_judged if {
	found_for(t.data_source("aws_guardduty_detector", "main", {"enable": false})) == set()
}
