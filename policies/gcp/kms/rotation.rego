# METADATA
# title: Cloud KMS encryption keys rotate at least every 90 days
# description: >-
#   Every `google_kms_crypto_key` used for symmetric encryption (`purpose` unset or
#   `ENCRYPT_DECRYPT`, the Google provider's default) must set a `rotation_period` of at
#   most `max_days` days (90 by default). Unset, the key never rotates and is reported.
#   `rotation_period` is written in seconds with an `s` suffix (`"7776000s"` is 90
#   days). Asymmetric and MAC keys cannot rotate automatically and are exempt. A purpose
#   or period that cannot be known statically is not judged, nor is a data source.
# custom:
#   id: gcp-kms-rotation
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [google_kms_crypto_key]
#   params:
#     max_days: 90
#   remediation: |
#     Rotate the key automatically, at most every 90 days:
#
#     ```hcl
#     resource "google_kms_crypto_key" "data" {
#       name            = "data"
#       key_ring        = google_kms_key_ring.main.id
#       rotation_period = "7776000s" # 90 days
#     }
#     ```
package soc2gate.gcp.kms.rotation

import data.soc2gate.lib.core

# The parameter: the longest rotation period accepted, in days.
default max_days := 90

max_days := data.params["gcp-kms-rotation"].max_days

invalid_params contains message if {
	not _positive_integer(max_days)
	message := sprintf("max_days must be a positive whole number of days (e.g. 90), not %s", [json.marshal(max_days)])
}

_positive_integer(n) if {
	is_number(n)
	n == floor(n)
	n > 0
}

_keys := [k |
	some k in core.resources("google_kms_crypto_key")
	k.mode == "managed"
	_symmetric(k)
]

_symmetric(k) if core.unset(k, ["purpose"])

_symmetric(k) if core.value_is(k, ["purpose"], "ENCRYPT_DECRYPT")

deny contains v if {
	some k in _keys
	core.unset(k, ["rotation_period"])
	v := core.violation(k, "", sprintf(
		"%s has no rotation_period, so its key material never rotates; set rotation_period to at most %d days (\"%ds\")",
		[_describe(k), max_days, max_days * 86400],
	))
}

deny contains v if {
	some k in _keys
	core.known(k, ["rotation_period"])
	period := core.get(k, ["rotation_period"])
	seconds := _seconds(period)
	seconds > max_days * 86400
	v := core.violation(k, "rotation_period", sprintf(
		"%s rotates every %s (%s days), longer than the %d days allowed; set rotation_period to at most \"%ds\"",
		[_describe(k), period, _days(seconds), max_days, max_days * 86400],
	))
}

# "7776000s" or "7776000.5s" -> seconds.
_seconds(p) := to_number(trim_suffix(p, "s")) if {
	is_string(p)
	regex.match(`^[0-9]+(\.[0-9]+)?s$`, p)
}

_days(seconds) := format_int(days, 10) if {
	days := seconds / 86400
	days == floor(days)
}

_days(seconds) := sprintf("%v", [round(seconds / 8640) / 10]) if {
	days := seconds / 86400
	days != floor(days)
}

_describe(k) := sprintf("KMS key %q", [name]) if {
	name := object.get(k.values, "name", null)
	is_string(name)
}

_describe(k) := sprintf("KMS key %s", [k.address]) if not is_string(object.get(k.values, "name", null))

undetermined contains v if {
	some k in _keys
	some v in core.unknown_at(k, [["rotation_period"]])
}

undetermined contains v if some v in core.unknown_in("google_kms_crypto_key", [["purpose"]])
