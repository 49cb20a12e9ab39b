# METADATA
# title: CloudFront distributions serve viewers over HTTPS with TLS 1.2 or newer
# description: >-
#   An `aws_cloudfront_distribution` must not serve plain HTTP and must not accept TLS
#   older than 1.2. Its `default_cache_behavior` and every `ordered_cache_behavior` must
#   set `viewer_protocol_policy` to `redirect-to-https` or `https-only`; `allow-all` is
#   reported at that behavior. Its `viewer_certificate` must use a custom certificate
#   (`acm_certificate_arn` or `iam_certificate_id`) with a `minimum_protocol_version` of
#   `TLSv1.2_2018` or newer (`TLSv1.2_2019`, `TLSv1.2_2021`, `TLSv1.2_2025`,
#   `TLSv1.3_2025`). With `cloudfront_default_certificate = true` CloudFront applies the
#   `TLSv1` security policy whatever `minimum_protocol_version` says, so the distribution
#   is reported; an unset `minimum_protocol_version` takes the provider's default,
#   `TLSv1`, and is reported at the certificate block, as are `SSLv3`, `TLSv1`,
#   `TLSv1_2016` and `TLSv1.1_2016`. Values that cannot be known statically are not
#   judged, and data sources are not judged.
# custom:
#   id: aws-cloudfront-https
#   severity: high
#   controls: [CC6.7]
#   resource_types: [aws_cloudfront_distribution]
#   remediation: |
#     Redirect viewers to HTTPS in every cache behavior, and serve the distribution with
#     your own certificate and a TLS 1.2 security policy:
#
#     ```hcl
#     resource "aws_cloudfront_distribution" "site" {
#       # ...
#       aliases = ["www.example.com"]
#
#       default_cache_behavior {
#         viewer_protocol_policy = "redirect-to-https"
#         # ...
#       }
#
#       viewer_certificate {
#         acm_certificate_arn      = aws_acm_certificate.site.arn
#         ssl_support_method       = "sni-only"
#         minimum_protocol_version = "TLSv1.2_2021"
#       }
#     }
#     ```
package soc2gate.aws.cloudfront.https

import data.soc2gate.lib.core

_suggested := "TLSv1.2_2021"

deny contains v if {
	some d in _distributions
	some kind in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, _ in object.get(d.values, kind, [])
	path := [kind, i, "viewer_protocol_policy"]
	core.value_is(d, path, "allow-all")
	v := core.violation(d, core.path_text(path), sprintf(
		`%s: %s allows plain HTTP (viewer_protocol_policy = "allow-all"); set viewer_protocol_policy = "redirect-to-https" or "https-only"`,
		[_describe(d), _behavior(d, kind, i)],
	))
}

deny contains v if {
	some d in _distributions
	some i, _ in object.get(d.values, "viewer_certificate", [])
	path := ["viewer_certificate", i, "cloudfront_default_certificate"]
	core.value_is(d, path, true)
	v := core.violation(d, core.path_text(path), sprintf(
		"%s uses the default *.cloudfront.net certificate, with which CloudFront accepts TLS 1.0 whatever minimum_protocol_version says; serve it with an ACM certificate (acm_certificate_arn) and minimum_protocol_version = %q",
		[_describe(d), _suggested],
	))
}

deny contains v if {
	some d in _distributions
	some i, _ in object.get(d.values, "viewer_certificate", [])
	_custom_certificate(d, i)
	core.unset(d, ["viewer_certificate", i, "minimum_protocol_version"])
	v := core.violation(d, sprintf("viewer_certificate[%d]", [i]), sprintf(
		"%s has no minimum_protocol_version: the default TLSv1 accepts TLS 1.0; set minimum_protocol_version = %q",
		[_describe(d), _suggested],
	))
}

deny contains v if {
	some d in _distributions
	some i, _ in object.get(d.values, "viewer_certificate", [])
	_custom_certificate(d, i)
	path := ["viewer_certificate", i, "minimum_protocol_version"]
	core.known(d, path)
	version := core.get(d, path)
	not tls12_or_newer(version)
	v := core.violation(d, core.path_text(path), sprintf(
		"%s uses minimum_protocol_version %q, which accepts TLS older than 1.2; set minimum_protocol_version = %q",
		[_describe(d), version, _suggested],
	))
}

# TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025 and later ones.
tls12_or_newer(version) if regex.match(`^TLSv1\.[23]_[0-9]{4}$`, version)

# The certificate block does not use the default certificate (known to be false, or
# unset), so its minimum_protocol_version applies.
_custom_certificate(d, i) if core.value_is(d, ["viewer_certificate", i, "cloudfront_default_certificate"], false)

_custom_certificate(d, i) if core.unset(d, ["viewer_certificate", i, "cloudfront_default_certificate"])

_behavior(_, "default_cache_behavior", _) := "the default cache behavior"

_behavior(d, "ordered_cache_behavior", i) := sprintf("the cache behavior for %q", [pattern]) if {
	pattern := d.values.ordered_cache_behavior[i].path_pattern
	is_string(pattern)
}

_behavior(d, "ordered_cache_behavior", i) := sprintf("ordered cache behavior %d", [i]) if {
	not is_string(object.get(d.values.ordered_cache_behavior[i], "path_pattern", null))
}

_distributions := [d |
	some d in core.resources("aws_cloudfront_distribution")
	d.mode == "managed"
]

_describe(d) := sprintf("CloudFront distribution %s", [d.address])

# What the rule could not judge: a viewer_protocol_policy or a certificate setting that
# cannot be known, or a block that cannot be (`dynamic`). Whether the default certificate
# is used decides whether minimum_protocol_version matters, so both count.
undetermined contains v if {
	some d in _distributions
	some v in core.unknown_at(d, _deciding_paths(d))
}

_deciding_paths(d) := {[kind] |
	some kind in ["default_cache_behavior", "ordered_cache_behavior", "viewer_certificate"]
	core.unknown(d, [kind])
} | {[kind, i, "viewer_protocol_policy"] |
	some kind in ["default_cache_behavior", "ordered_cache_behavior"]
	some i, _ in object.get(d.values, kind, [])
} | {["viewer_certificate", i, attribute] |
	some i, _ in object.get(d.values, "viewer_certificate", [])
	some attribute in ["cloudfront_default_certificate", "minimum_protocol_version"]
}
