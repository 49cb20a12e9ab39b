# METADATA
# title: Cloud Storage buckets use uniform bucket-level access
# description: >-
#   Every `google_storage_bucket` must set `uniform_bucket_level_access = true`, so that
#   access is granted only through IAM, in one place per bucket, and per-object ACLs
#   cannot grant access that the bucket's IAM policy does not show. Unset, the Google
#   provider (v5 and later) defaults it to false (fine-grained ACLs) and the bucket is
#   reported. A value that cannot be known statically is not judged, and data sources are
#   not judged.
# custom:
#   id: gcp-storage-uniform-access
#   severity: medium
#   controls: [CC6.1, CC6.3]
#   resource_types: [google_storage_bucket]
#   remediation: |
#     Turn on uniform bucket-level access and grant access through IAM roles:
#
#     ```hcl
#     resource "google_storage_bucket" "reports" {
#       name                        = "acme-reports"
#       location                    = "EU"
#       uniform_bucket_level_access = true
#     }
#     ```
package soc2gate.gcp.storage.uniform_access

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.storage

deny contains v if {
	some b in storage.buckets
	core.unset(b, ["uniform_bucket_level_access"])
	v := core.violation(b, "", sprintf(
		"%s does not set uniform_bucket_level_access, which defaults to false: object ACLs can grant access its IAM policy does not show; set uniform_bucket_level_access = true",
		[storage.describe(b)],
	))
}

deny contains v if {
	some b in storage.buckets
	core.known(b, ["uniform_bucket_level_access"])
	value := core.get(b, ["uniform_bucket_level_access"])
	not value in {true, "true"}
	v := core.violation(b, "uniform_bucket_level_access", sprintf(
		"%s sets uniform_bucket_level_access to %v: object ACLs can grant access its IAM policy does not show; set it to true",
		[storage.describe(b), value],
	))
}

undetermined contains v if some v in core.unknown_in("google_storage_bucket", [["uniform_bucket_level_access"]])
