# METADATA
# title: IAM users have no long-lived access keys
# description: >-
#   No `aws_iam_access_key` may create a long-lived access key for an IAM user. Such a
#   key works until someone rotates or deletes it, wherever it was copied to, and is tied
#   to no person's joiner and leaver process. People should use IAM Identity Center (SSO)
#   and workloads IAM roles (instance profiles, IRSA, OIDC federation for CI). A key whose
#   `status` is `Inactive` cannot be used and is not reported (unset, the status is
#   `Active`); a status that cannot be known statically is not judged. Each key is
#   reported at its `user`.
# custom:
#   id: aws-iam-no-user-access-keys
#   severity: medium
#   controls: [CC6.2, CC6.3]
#   resource_types: [aws_iam_access_key]
#   remediation: |
#     Delete the key and give the workload a role instead, e.g. GitHub Actions through
#     OIDC federation:
#
#     ```hcl
#     resource "aws_iam_role" "deploy" {
#       name = "github-deploy"
#       assume_role_policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Action    = "sts:AssumeRoleWithWebIdentity"
#           Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
#           Condition = {
#             StringEquals = { "token.actions.githubusercontent.com:sub" = "repo:acme/api:ref:refs/heads/main" }
#           }
#         }]
#       })
#     }
#     ```
package soc2gate.aws.iam.no_user_access_keys

import data.soc2gate.lib.core

deny contains v if {
	some k in core.resources("aws_iam_access_key")
	k.mode == "managed"
	_active(k)
	v := core.violation(k, "user", sprintf(
		"%s creates a long-lived access key for %s; use IAM roles for workloads and IAM Identity Center for people",
		[k.address, _user(k)],
	))
}

_active(k) if core.unset(k, ["status"])

_active(k) if core.value_is(k, ["status"], "Active")

_user(k) := sprintf("IAM user %q", [name]) if {
	name := object.get(k.values, "user", null)
	is_string(name)
}

_user(k) := sprintf("IAM user %s", [concat(", ", refs)]) if {
	not is_string(object.get(k.values, "user", null))
	refs := object.get(k.refs, "user", [])
	count(refs) > 0
}

_user(k) := "an IAM user" if {
	not is_string(object.get(k.values, "user", null))
	count(object.get(k.refs, "user", [])) == 0
}

undetermined contains v if some v in core.unknown_in("aws_iam_access_key", [["status"]])
