# METADATA
# title: Cloud SQL instances with a public IP accept only encrypted connections
# description: >-
#   A `google_sql_database_instance` with a public IP (`settings.ip_configuration.
#   ipv4_enabled`, true by default) must refuse unencrypted connections:
#   `ssl_mode = "ENCRYPTED_ONLY"` or `"TRUSTED_CLIENT_CERTIFICATE_REQUIRED"`. Unset,
#   `ssl_mode` takes the API default, `ALLOW_UNENCRYPTED_AND_ENCRYPTED`. Configurations
#   written for the Google provider v5 and earlier may instead set `require_ssl = true`
#   (removed in v6), which also passes. An instance without a public IP, and a mode,
#   `require_ssl` or IP setting that cannot be known statically, is not judged, nor is
#   a data source.
# custom:
#   id: gcp-sql-require-tls
#   severity: high
#   controls: [CC6.7]
#   resource_types: [google_sql_database_instance]
#   remediation: |
#     Require TLS on every connection:
#
#     ```hcl
#     resource "google_sql_database_instance" "main" {
#       name             = "main"
#       database_version = "POSTGRES_16"
#       region           = "europe-west1"
#
#       settings {
#         tier = "db-custom-2-7680"
#         ip_configuration {
#           ssl_mode = "ENCRYPTED_ONLY"
#         }
#       }
#     }
#     ```
package soc2gate.gcp.sql.require_tls

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.sql

_encrypted_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

_ssl_mode := array.concat(sql.ip_configuration, ["ssl_mode"])

_require_ssl := array.concat(sql.ip_configuration, ["require_ssl"])

# `ssl_mode` set to a mode that allows plain text.
deny contains v if {
	some i in sql.instances
	sql.public_ip(i)
	core.known(i, _ssl_mode)
	mode := core.get(i, _ssl_mode)
	not mode in _encrypted_modes
	not core.value_is(i, _require_ssl, true)
	not core.unknown(i, _require_ssl)
	v := core.violation(i, core.path_text(_ssl_mode), sprintf(
		"%s has a public IP and sets ssl_mode to %q, which accepts unencrypted connections; set ssl_mode = \"ENCRYPTED_ONLY\"",
		[sql.describe(i), mode],
	))
}

# Neither `ssl_mode` nor `require_ssl = true`.
deny contains v if {
	some i in sql.instances
	sql.public_ip(i)
	core.unset(i, _ssl_mode)
	_no_require_ssl(i)
	v := core.violation(i, _where(i), sprintf(
		"%s has a public IP and does not set ssl_mode, whose default (ALLOW_UNENCRYPTED_AND_ENCRYPTED) accepts unencrypted connections; set ssl_mode = \"ENCRYPTED_ONLY\"",
		[sql.describe(i)],
	))
}

_no_require_ssl(i) if core.unset(i, _require_ssl)

_no_require_ssl(i) if core.value_is_not(i, _require_ssl, true)

# The IP configuration block, else the settings block, else the resource header.
_where(i) := core.path_text(_require_ssl) if not core.unset(i, _require_ssl)

_where(i) := "settings[0].ip_configuration[0]" if core.unset(i, _require_ssl)

# An ssl_mode or require_ssl that cannot be known on a public instance, or a public IP
# that cannot be known on an instance that accepts plain text.
undetermined contains v if {
	some i in sql.instances
	sql.public_ip(i)
	some v in core.unknown_at(i, [_ssl_mode, _require_ssl])
}

undetermined contains v if {
	some i in sql.instances
	not core.get(i, _ssl_mode) in _encrypted_modes
	not core.value_is(i, _require_ssl, true)
	some v in core.unknown_at(i, [array.concat(sql.ip_configuration, ["ipv4_enabled"])])
}
