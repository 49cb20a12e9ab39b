# METADATA
# title: OpenSearch domains enforce HTTPS with TLS 1.2 or newer
# description: >-
#   An `aws_opensearch_domain` or `aws_elasticsearch_domain` must declare
#   `domain_endpoint_options` with `enforce_https = true` and a `tls_security_policy`
#   whose minimum is TLS 1.2 (`Policy-Min-TLS-1-2-2019-07`,
#   `Policy-Min-TLS-1-2-PFS-2023-10`, `Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08`). Without
#   the block the provider sends no endpoint options and the service defaults apply: HTTP
#   is accepted and the TLS policy is `Policy-Min-TLS-1-0-2019-07`, so the domain is
#   reported at its header. Inside the block `enforce_https` defaults to `true` in the
#   provider, and an explicit `false` is reported. An unset `tls_security_policy` is left
#   to the service, whose default `Policy-Min-TLS-1-0-2019-07` accepts TLS 1.0, and is
#   reported at the block, as is an explicit TLS 1.0 policy. Values that cannot be known
#   statically (a `dynamic` block, a variable without a default) are not judged, and data
#   sources are not judged.
# custom:
#   id: aws-opensearch-https
#   severity: medium
#   controls: [CC6.7]
#   resource_types: [aws_opensearch_domain, aws_elasticsearch_domain]
#   remediation: |
#     Enforce HTTPS with a TLS 1.2 policy on the domain endpoint:
#
#     ```hcl
#     resource "aws_opensearch_domain" "search" {
#       domain_name    = "search"
#       engine_version = "OpenSearch_2.13"
#
#       domain_endpoint_options {
#         enforce_https       = true
#         tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
#       }
#     }
#     ```
package soc2gate.aws.opensearch.https

import data.soc2gate.lib.core

_suggested := "Policy-Min-TLS-1-2-PFS-2023-10"

deny contains v if {
	some d in _domains
	core.unset(d, ["domain_endpoint_options"])
	v := core.violation(d, "", sprintf(
		"%s has no domain_endpoint_options: the service defaults accept plain HTTP and TLS 1.0 (Policy-Min-TLS-1-0-2019-07); add domain_endpoint_options with enforce_https = true and tls_security_policy = %q",
		[_describe(d), _suggested],
	))
}

deny contains v if {
	some d in _domains
	some i, _ in object.get(d.values, "domain_endpoint_options", [])
	core.value_is(d, ["domain_endpoint_options", i, "enforce_https"], false)
	v := core.violation(d, sprintf("domain_endpoint_options[%d].enforce_https", [i]), sprintf(
		"%s does not enforce HTTPS (enforce_https = false): plain HTTP is accepted; set enforce_https = true",
		[_describe(d)],
	))
}

deny contains v if {
	some d in _domains
	some i, _ in object.get(d.values, "domain_endpoint_options", [])
	core.unset(d, ["domain_endpoint_options", i, "tls_security_policy"])
	v := core.violation(d, sprintf("domain_endpoint_options[%d]", [i]), sprintf(
		"%s has no tls_security_policy: the service default Policy-Min-TLS-1-0-2019-07 accepts TLS 1.0; set tls_security_policy = %q",
		[_describe(d), _suggested],
	))
}

deny contains v if {
	some d in _domains
	some i, _ in object.get(d.values, "domain_endpoint_options", [])
	path := ["domain_endpoint_options", i, "tls_security_policy"]
	core.known(d, path)
	policy := core.get(d, path)
	not tls12_or_newer(policy)
	v := core.violation(d, core.path_text(path), sprintf(
		"%s uses tls_security_policy %q, which does not require TLS 1.2; set tls_security_policy = %q",
		[_describe(d), policy, _suggested],
	))
}

# Policy-Min-TLS-1-2-2019-07, Policy-Min-TLS-1-2-PFS-2023-10,
# Policy-Min-TLS-1-2-RFC9151-FIPS-2024-08, and any TLS 1.3 minimum to come.
tls12_or_newer(policy) if regex.match(`^Policy-Min-TLS-1-[23]-`, policy)

_domains := [d |
	some type_name in ["aws_opensearch_domain", "aws_elasticsearch_domain"]
	some d in core.resources(type_name)
	d.mode == "managed"
]

# How a message names a domain: its name when known, else its address.
_describe(d) := sprintf("domain %q", [name]) if {
	name := object.get(d.values, "domain_name", null)
	is_string(name)
}

_describe(d) := sprintf("domain %s", [d.address]) if not is_string(object.get(d.values, "domain_name", null))

# What the rule could not judge: an enforce_https or tls_security_policy that cannot be
# known, or a domain_endpoint_options block that cannot be (`dynamic`).
undetermined contains v if {
	some d in _domains
	some v in core.unknown_at(d, [["domain_endpoint_options", 0, "enforce_https"], ["domain_endpoint_options", 0, "tls_security_policy"]])
}
