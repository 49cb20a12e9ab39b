# METADATA
# title: VPC firewall rules do not open RDP to the internet
# description: >-
#   No enabled ingress `google_compute_firewall` (`direction` unset or `INGRESS`, the
#   default; `disabled` unset or false) may allow RDP (tcp port 3389) from `0.0.0.0/0`
#   or `::/0` in its `source_ranges`. An `allow` block counts when its protocol is
#   `all`, or `tcp` with no `ports` (every port) or with a port or range (`"3389"`,
#   `"1-65535"`) that contains 3389. A source list that holds an open range is open even
#   when another element cannot be known. Rules that rely on `source_tags` or service
#   accounts, a direction, protocol or port that cannot be known statically, and data
#   sources are not judged. Each firewall is reported once, at its `source_ranges`.
# custom:
#   id: gcp-firewall-no-public-rdp
#   severity: critical
#   controls: [CC6.6]
#   resource_types: [google_compute_firewall]
#   remediation: |
#     Allow RDP only from ranges you trust, or reach instances through Identity-Aware
#     Proxy TCP forwarding (`35.235.240.0/20`) instead of the internet:
#
#     ```hcl
#     resource "google_compute_firewall" "admin" {
#       name    = "allow-rdp-from-iap"
#       network = google_compute_network.vpc.name
#
#       allow {
#         protocol = "tcp"
#         ports    = ["3389"]
#       }
#
#       source_ranges = ["35.235.240.0/20"]
#     }
#     ```
package soc2gate.gcp.firewall.no_public_rdp

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.firewall

deny contains v if {
	some r in {e.resource | some e in firewall.public_allows}
	opening := [e | some e in firewall.public_allows; e.resource == r; firewall.opens_tcp_port(e, 3389)]
	count(opening) > 0
	e := opening[0]
	v := core.violation(r, "source_ranges", sprintf(
		"%s opens RDP (tcp port 3389) to the internet: %s allows %s from %s; restrict source_ranges to trusted networks or use IAP",
		[firewall.describe(e), e.block, _traffic(e), firewall.sources(e)],
	))
}

_traffic(e) := "all traffic" if e.protocol == "all"

_traffic(e) := "every tcp port" if {
	e.protocol == "tcp"
	e.ports == null
}

_traffic(e) := sprintf("tcp %s", [concat(", ", [_range(r) | some r in e.ports])]) if {
	e.protocol == "tcp"
	e.ports != null
}

_range([from, to]) := format_int(from, 10) if from == to

_range([from, to]) := sprintf("%d-%d", [from, to]) if from != to

# A direction, state or source list that cannot be known, and the allow blocks of a
# firewall open to the internet when they cannot be known.
undetermined contains v if some v in core.unknown_in("google_compute_firewall", [["direction"], ["disabled"], ["source_ranges"]])

undetermined contains v if {
	some r in {e.resource | some e in firewall.public_allows}
	some v in core.unknown_at(r, _allow_paths(r))
}

undetermined contains v if {
	some r in core.resources("google_compute_firewall")
	r.mode == "managed"
	some c in object.get(r.values, "source_ranges", [])
	c in {"0.0.0.0/0", "::/0"}
	not r in {e.resource | some e in firewall.public_allows}
	some v in core.unknown_at(r, _allow_paths(r))
}

# The protocol and ports of every allow block (of the first, when the blocks themselves
# cannot be known).
_allow_paths(r) := array.concat([["allow", 0, "protocol"]], [[
	"allow", i, key,
] |
	some i, _ in object.get(r.values, "allow", [])
	some key in ["protocol", "ports"]
])
