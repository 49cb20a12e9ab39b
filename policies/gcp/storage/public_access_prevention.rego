# METADATA
# title: Cloud Storage buckets enforce public access prevention
# description: >-
#   Every `google_storage_bucket` must set `public_access_prevention = "enforced"`, so
#   that no IAM grant or ACL can ever make its objects public. Unset, the Google provider
#   (v5 and later) leaves it to the API default, `inherited`: the bucket is then protected
#   only while an organization policy (`storage.publicAccessPrevention`) enforces it, which
#   the Terraform code does not show; the bucket is reported. A value that cannot be known
#   statically is not judged, and data sources are not judged.
# custom:
#   id: gcp-storage-public-access-prevention
#   severity: medium
#   controls: [CC6.1]
#   resource_types: [google_storage_bucket]
#   remediation: |
#     Enforce public access prevention on the bucket:
#
#     ```hcl
#     resource "google_storage_bucket" "reports" {
#       name                        = "acme-reports"
#       location                    = "EU"
#       public_access_prevention    = "enforced"
#       uniform_bucket_level_access = true
#     }
#     ```
package soc2gate.gcp.storage.public_access_prevention

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.storage

deny contains v if {
	some b in storage.buckets
	core.unset(b, ["public_access_prevention"])
	v := core.violation(b, "", sprintf(
		"%s does not set public_access_prevention: the default, \"inherited\", protects it only while an organization policy does; set public_access_prevention = \"enforced\"",
		[storage.describe(b)],
	))
}

deny contains v if {
	some b in storage.buckets
	core.known(b, ["public_access_prevention"])
	value := core.get(b, ["public_access_prevention"])
	value != "enforced"
	v := core.violation(b, "public_access_prevention", sprintf(
		"%s sets public_access_prevention to %q, so IAM grants and ACLs can make it public; set it to \"enforced\"",
		[storage.describe(b), value],
	))
}

undetermined contains v if some v in core.unknown_in("google_storage_bucket", [["public_access_prevention"]])
