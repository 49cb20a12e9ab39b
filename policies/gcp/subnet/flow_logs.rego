# METADATA
# title: VPC subnets record flow logs
# description: >-
#   Every `google_compute_subnetwork` that carries VM traffic (`purpose` unset, the
#   default, or `PRIVATE` / `PRIVATE_RFC_1918`) must have a `log_config` block, which
#   turns on VPC flow logs: the record of accepted and rejected connections that an
#   investigation needs. Without it, flow logs are off (the Google provider's default)
#   and the subnet is reported. Configurations written for provider v3 and earlier may
#   instead set `enable_flow_logs = true`, which also passes. Proxy-only and Private
#   Service Connect subnets cannot log flows and are exempt. A purpose or block that
#   cannot be known statically is not judged, nor is a data source.
# custom:
#   id: gcp-subnet-flow-logs
#   severity: medium
#   controls: [CC7.2]
#   resource_types: [google_compute_subnetwork]
#   remediation: |
#     Add a `log_config` block (sampling and aggregation bound the cost):
#
#     ```hcl
#     resource "google_compute_subnetwork" "app" {
#       name          = "app"
#       region        = "europe-west1"
#       network       = google_compute_network.vpc.id
#       ip_cidr_range = "10.10.0.0/20"
#
#       log_config {
#         aggregation_interval = "INTERVAL_5_SEC"
#         flow_sampling        = 0.5
#         metadata             = "INCLUDE_ALL_METADATA"
#       }
#     }
#     ```
package soc2gate.gcp.subnet.flow_logs

import data.soc2gate.lib.core

_vm_purposes := {"PRIVATE", "PRIVATE_RFC_1918"}

deny contains v if {
	some s in core.resources("google_compute_subnetwork")
	s.mode == "managed"
	_carries_vm_traffic(s)
	core.unset(s, ["log_config", 0])
	not core.value_is(s, ["enable_flow_logs"], true)
	not core.unknown(s, ["enable_flow_logs"])
	v := core.violation(s, _where(s), sprintf(
		"%s has no log_config block, so VPC flow logs are off; add log_config { ... } to record its connections",
		[_describe(s)],
	))
}

_carries_vm_traffic(s) if core.unset(s, ["purpose"])

_carries_vm_traffic(s) if {
	core.known(s, ["purpose"])
	core.get(s, ["purpose"]) in _vm_purposes
}

_where(s) := "enable_flow_logs" if not core.unset(s, ["enable_flow_logs"])

_where(s) := "" if core.unset(s, ["enable_flow_logs"])

_describe(s) := sprintf("subnet %q", [name]) if {
	name := object.get(s.values, "name", null)
	is_string(name)
}

_describe(s) := sprintf("subnet %s", [s.address]) if not is_string(object.get(s.values, "name", null))

undetermined contains v if some v in core.unknown_in("google_compute_subnetwork", [["purpose"], ["log_config", 0], ["enable_flow_logs"]])
