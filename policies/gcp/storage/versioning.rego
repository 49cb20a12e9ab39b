# METADATA
# title: Cloud Storage buckets keep object versions
# description: >-
#   Every `google_storage_bucket` must have `versioning { enabled = true }`, so that an
#   overwritten or deleted object can be restored. Without the block, versioning is off
#   (the Google provider's default) and the bucket is reported at its header; a block with
#   `enabled = false` is reported there. A `versioning` block or `enabled` value that
#   cannot be known statically (a `dynamic` block, a variable without a default) is not
#   judged, and data sources are not judged.
# custom:
#   id: gcp-storage-versioning
#   severity: low
#   controls: [A1.2]
#   resource_types: [google_storage_bucket]
#   remediation: |
#     Turn on object versioning, and bound what it keeps with a lifecycle rule:
#
#     ```hcl
#     resource "google_storage_bucket" "reports" {
#       name     = "acme-reports"
#       location = "EU"
#
#       versioning {
#         enabled = true
#       }
#
#       lifecycle_rule {
#         condition {
#           num_newer_versions = 5
#         }
#         action {
#           type = "Delete"
#         }
#       }
#     }
#     ```
package soc2gate.gcp.storage.versioning

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.storage

deny contains v if {
	some b in storage.buckets
	core.unset(b, ["versioning", 0])
	v := core.violation(b, "", sprintf(
		"%s has no versioning block, so overwritten and deleted objects cannot be restored; add versioning { enabled = true }",
		[storage.describe(b)],
	))
}

deny contains v if {
	some b in storage.buckets
	path := ["versioning", 0, "enabled"]
	core.known(b, path)
	core.get(b, ["versioning", 0])
	value := object.get(b.values, path, null)
	not value in {true, "true"}
	v := core.violation(b, core.path_text(path), sprintf(
		"%s does not enable versioning (enabled is %v), so overwritten and deleted objects cannot be restored; set versioning { enabled = true }",
		[storage.describe(b), value],
	))
}

undetermined contains v if some v in core.unknown_in("google_storage_bucket", [["versioning", 0, "enabled"]])
