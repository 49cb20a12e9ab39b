# METADATA
# title: Cloud Storage buckets are not granted to allUsers or allAuthenticatedUsers
# description: >-
#   No IAM grant on a bucket may name `allUsers` (anyone on the internet) or
#   `allAuthenticatedUsers` (anyone with a Google account), whatever the role: either
#   makes the bucket's objects public. All three forms of the Google provider are checked:
#   `google_storage_bucket_iam_member` (`member`), `google_storage_bucket_iam_binding`
#   (`members`) and `google_storage_bucket_iam_policy` (`policy_data`, written as JSON or
#   taken from a `data.google_iam_policy`, whose `binding` is then blamed). Each public
#   member is reported where it is written. A member or role that cannot be known
#   statically is not judged. Legacy object ACLs (`google_storage_bucket_acl`,
#   `google_storage_*_access_control`) are not checked.
# custom:
#   id: gcp-storage-no-public-access
#   severity: critical
#   controls: [CC6.1, CC6.6]
#   resource_types: [google_storage_bucket_iam_member, google_storage_bucket_iam_binding, google_storage_bucket_iam_policy, google_iam_policy]
#   remediation: |
#     Grant roles to the people, groups or service accounts that need them, never to
#     `allUsers` or `allAuthenticatedUsers`. To serve public content, put a load balancer
#     or Cloud CDN with signed URLs in front of the bucket instead:
#
#     ```hcl
#     resource "google_storage_bucket_iam_member" "reader" {
#       bucket = google_storage_bucket.reports.name
#       role   = "roles/storage.objectViewer"
#       member = "serviceAccount:${google_service_account.app.email}"
#     }
#     ```
package soc2gate.gcp.storage.no_public_access

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.iam

deny contains v if {
	some e in iam.grants("storage_bucket")
	e.member in iam.public_members
	v := core.violation(e.resource, e.member_attribute, sprintf(
		"%s grants %s on the bucket to %s, which makes it public; grant the role to specific users, groups or service accounts",
		[iam.describe(e), e.role, e.member],
	))
}

# Members that cannot be known: the grant may or may not be public.
undetermined contains v if some v in iam.unknown_grants("storage_bucket", "member")
