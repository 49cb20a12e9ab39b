package soc2gate.aws.cloudfront.https_test

import data.soc2gate.aws.cloudfront.https
import data.soc2gate.lib.aws.inputs_test as t

secure_certificate := {
	"acm_certificate_arn": "arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d",
	"ssl_support_method": "sni-only",
	"minimum_protocol_version": "TLSv1.2_2021",
}

distribution(values) := t.resource("aws_cloudfront_distribution", "site", object.union(
	{
		"enabled": true,
		"default_cache_behavior": [{"target_origin_id": "s3", "viewer_protocol_policy": "redirect-to-https"}],
		"viewer_certificate": [secure_certificate],
	},
	values,
))

found_for(d) := found if {
	found := https.deny with input as t.input_of([d])
}

attributes(found) := {v.attribute | some v in found}

test_secure_distribution_passes if {
	found_for(distribution({})) == set()
}

test_allow_all_default_behavior_fails_at_the_attribute if {
	d := distribution({"default_cache_behavior": [{"target_origin_id": "s3", "viewer_protocol_policy": "allow-all"}]})
	found_for(d) == {{
		"resource": "aws_cloudfront_distribution.site",
		"attribute": "default_cache_behavior[0].viewer_protocol_policy",
		"message": `CloudFront distribution aws_cloudfront_distribution.site: the default cache behavior allows plain HTTP (viewer_protocol_policy = "allow-all"); set viewer_protocol_policy = "redirect-to-https" or "https-only"`,
	}}
}

test_allow_all_ordered_behaviors_fail_each if {
	d := distribution({"ordered_cache_behavior": [
		{"path_pattern": "/static/*", "viewer_protocol_policy": "https-only"},
		{"path_pattern": "/legacy/*", "viewer_protocol_policy": "allow-all"},
		{"path_pattern": "/api/*", "viewer_protocol_policy": "allow-all"},
	]})
	found := found_for(d)
	attributes(found) == {"ordered_cache_behavior[1].viewer_protocol_policy", "ordered_cache_behavior[2].viewer_protocol_policy"}
	some v in found
	v.attribute == "ordered_cache_behavior[1].viewer_protocol_policy"
	v.message == `CloudFront distribution aws_cloudfront_distribution.site: the cache behavior for "/legacy/*" allows plain HTTP (viewer_protocol_policy = "allow-all"); set viewer_protocol_policy = "redirect-to-https" or "https-only"`
}

test_ordered_behavior_with_unknown_pattern_is_numbered if {
	d := t.with_unknown(
		distribution({"ordered_cache_behavior": [{"viewer_protocol_policy": "allow-all"}]}),
		["ordered_cache_behavior[0].path_pattern"],
	)
	[v] := [x | some x in found_for(d)]
	contains(v.message, ": ordered cache behavior 0 allows plain HTTP")
}

test_default_certificate_fails_at_the_attribute if {
	d := distribution({"viewer_certificate": [{"cloudfront_default_certificate": true, "minimum_protocol_version": "TLSv1.2_2021"}]})
	found_for(d) == {{
		"resource": "aws_cloudfront_distribution.site",
		"attribute": "viewer_certificate[0].cloudfront_default_certificate",
		"message": `CloudFront distribution aws_cloudfront_distribution.site uses the default *.cloudfront.net certificate, with which CloudFront accepts TLS 1.0 whatever minimum_protocol_version says; serve it with an ACM certificate (acm_certificate_arn) and minimum_protocol_version = "TLSv1.2_2021"`,
	}}
}

test_unset_minimum_protocol_fails_at_the_block if {
	d := distribution({"viewer_certificate": [object.remove(secure_certificate, ["minimum_protocol_version"])]})
	found_for(d) == {{
		"resource": "aws_cloudfront_distribution.site",
		"attribute": "viewer_certificate[0]",
		"message": `CloudFront distribution aws_cloudfront_distribution.site has no minimum_protocol_version: the default TLSv1 accepts TLS 1.0; set minimum_protocol_version = "TLSv1.2_2021"`,
	}}
}

test_old_minimum_protocols_fail_at_the_attribute if {
	every version in ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016"] {
		d := distribution({"viewer_certificate": [object.union(secure_certificate, {"minimum_protocol_version": version})]})
		attributes(found_for(d)) == {"viewer_certificate[0].minimum_protocol_version"}
	}
	d := distribution({"viewer_certificate": [object.union(secure_certificate, {"minimum_protocol_version": "TLSv1.1_2016"})]})
	[v] := [x | some x in found_for(d)]
	v.message == `CloudFront distribution aws_cloudfront_distribution.site uses minimum_protocol_version "TLSv1.1_2016", which accepts TLS older than 1.2; set minimum_protocol_version = "TLSv1.2_2021"`
}

test_tls12_minimum_protocols_pass if {
	every version in ["TLSv1.2_2018", "TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"] {
		d := distribution({"viewer_certificate": [object.union(secure_certificate, {"minimum_protocol_version": version})]})
		found_for(d) == set()
	}
}

test_explicit_false_default_certificate_judges_the_minimum if {
	c := object.union(secure_certificate, {"cloudfront_default_certificate": false, "minimum_protocol_version": "TLSv1"})
	attributes(found_for(distribution({"viewer_certificate": [c]}))) == {"viewer_certificate[0].minimum_protocol_version"}
}

test_all_problems_are_reported_together if {
	d := distribution({
		"default_cache_behavior": [{"viewer_protocol_policy": "allow-all"}],
		"viewer_certificate": [{"cloudfront_default_certificate": true}],
	})
	attributes(found_for(d)) == {"default_cache_behavior[0].viewer_protocol_policy", "viewer_certificate[0].cloudfront_default_certificate"}
}

test_unknown_values_stay_silent if {
	d1 := t.with_unknown(
		distribution({"default_cache_behavior": [{"target_origin_id": "s3"}]}),
		["default_cache_behavior[0].viewer_protocol_policy"],
	)
	found_for(d1) == set()
	d2 := t.with_unknown(distribution({"viewer_certificate": [{}]}), ["viewer_certificate[0].cloudfront_default_certificate"])
	found_for(d2) == set()
	d3 := t.with_unknown(
		distribution({"viewer_certificate": [object.remove(secure_certificate, ["minimum_protocol_version"])]}),
		["viewer_certificate[0].minimum_protocol_version"],
	)
	found_for(d3) == set()
	d4 := t.with_unknown(distribution({}), ["ordered_cache_behavior"])
	found_for(d4) == set()
}

test_distribution_data_sources_are_not_judged if {
	found_for(t.data_source("aws_cloudfront_distribution", "site", {"id": "E2QWRUHAPOMQZL"})) == set()
}
