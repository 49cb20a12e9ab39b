# METADATA
# title: Load balancer SSL policies require TLS 1.2 or newer
# description: >-
#   Every `google_compute_ssl_policy` must set `min_tls_version` to `TLS_1_2` (or a newer
#   version). Unset, it defaults to `TLS_1_0`, so HTTPS and SSL proxy load balancers that
#   use the policy accept TLS 1.0 and 1.1, which are deprecated and have known
#   weaknesses; the policy is reported. A version that cannot be known statically is not
#   judged, nor is a data source.
# custom:
#   id: gcp-ssl-policy-modern-tls
#   severity: high
#   controls: [CC6.7]
#   resource_types: [google_compute_ssl_policy]
#   remediation: |
#     Require TLS 1.2, with a profile that leaves out weak cipher suites:
#
#     ```hcl
#     resource "google_compute_ssl_policy" "modern" {
#       name            = "modern-tls"
#       profile         = "MODERN"
#       min_tls_version = "TLS_1_2"
#     }
#     ```
package soc2gate.gcp.ssl_policy.modern_tls

import data.soc2gate.lib.core

_old := {"TLS_1_0", "TLS_1_1"}

_policies := [p |
	some p in core.resources("google_compute_ssl_policy")
	p.mode == "managed"
]

deny contains v if {
	some p in _policies
	core.unset(p, ["min_tls_version"])
	v := core.violation(p, "", sprintf(
		"%s does not set min_tls_version, which defaults to TLS_1_0: clients may connect with TLS 1.0 or 1.1; set min_tls_version = \"TLS_1_2\"",
		[_describe(p)],
	))
}

deny contains v if {
	some p in _policies
	core.known(p, ["min_tls_version"])
	version := core.get(p, ["min_tls_version"])
	version in _old
	v := core.violation(p, "min_tls_version", sprintf(
		"%s sets min_tls_version to %q: clients may connect with deprecated TLS versions; set it to \"TLS_1_2\"",
		[_describe(p), version],
	))
}

_describe(p) := sprintf("SSL policy %q", [name]) if {
	name := object.get(p.values, "name", null)
	is_string(name)
}

_describe(p) := sprintf("SSL policy %s", [p.address]) if not is_string(object.get(p.values, "name", null))

undetermined contains v if some v in core.unknown_in("google_compute_ssl_policy", [["min_tls_version"]])
