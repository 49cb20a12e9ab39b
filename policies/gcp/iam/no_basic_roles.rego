# METADATA
# title: Projects, folders and organizations grant no basic Owner or Editor role
# description: >-
#   No IAM grant on a project, folder or organization may give `roles/owner` or
#   `roles/editor`: these basic roles reach nearly every service and resource of their
#   scope, far beyond what one person or workload needs. All three forms of the Google
#   provider are checked for each scope: `google_<scope>_iam_member`,
#   `google_<scope>_iam_binding` and `google_<scope>_iam_policy` (`policy_data` as JSON or
#   from a `data.google_iam_policy`, whose `binding` is then blamed). Each grant is
#   reported at its `role`. A role that cannot be known statically is not judged.
# custom:
#   id: gcp-iam-no-basic-roles
#   severity: high
#   controls: [CC6.3]
#   resource_types: [google_project_iam_member, google_project_iam_binding, google_project_iam_policy, google_folder_iam_member, google_folder_iam_binding, google_folder_iam_policy, google_organization_iam_member, google_organization_iam_binding, google_organization_iam_policy, google_iam_policy]
#   remediation: |
#     Grant predefined or custom roles that cover only what the member needs:
#
#     ```hcl
#     resource "google_project_iam_member" "deployer" {
#       project = "acme-prod"
#       role    = "roles/run.developer"
#       member  = "serviceAccount:deployer@acme-prod.iam.gserviceaccount.com"
#     }
#     ```
package soc2gate.gcp.iam.no_basic_roles

import data.soc2gate.lib.core
import data.soc2gate.lib.gcp.iam

_scopes := ["project", "folder", "organization"]

deny contains v if {
	some scope in _scopes
	some e in iam.grants(scope)
	e.role in iam.basic_roles
	v := core.violation(e.resource, e.role_attribute, sprintf(
		"%s grants the basic role %s on the %s to %s; grant a predefined or custom role with only the permissions needed",
		[iam.describe(e), e.role, scope, _members(scope, e)],
	))
}

# Every member the resource grants the same role to, so that one binding gives one
# finding at its role.
_members(scope, e) := concat(", ", sort({x.member |
	some x in iam.grants(scope)
	x.resource.address == e.resource.address
	x.role_attribute == e.role_attribute
}))

# Roles that cannot be known: the grant may or may not be a basic role.
undetermined contains v if {
	some scope in _scopes
	some v in iam.unknown_grants(scope, "role")
}
