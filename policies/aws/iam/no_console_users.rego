# METADATA
# title: People sign in through SSO, not with IAM user console passwords
# description: >-
#   No `aws_iam_user_login_profile` may give an IAM user a console password. People should
#   sign in through AWS IAM Identity Center (SSO) or a federated identity provider, where
#   joiners are registered and leavers removed in one place; an IAM user's password lives
#   outside that process. Every managed login profile is reported, at its `user`.
# custom:
#   id: aws-iam-no-console-users
#   severity: medium
#   controls: [CC6.2]
#   resource_types: [aws_iam_user_login_profile]
#   remediation: |
#     Remove the login profile and give the person access through IAM Identity Center:
#
#     ```hcl
#     resource "aws_ssoadmin_account_assignment" "ana_readonly" {
#       instance_arn       = local.sso_instance_arn
#       permission_set_arn = aws_ssoadmin_permission_set.readonly.arn
#       principal_type     = "USER"
#       principal_id       = local.sso_users["ana@example.com"]
#       target_type        = "AWS_ACCOUNT"
#       target_id          = "123456789012"
#     }
#     ```
package soc2gate.aws.iam.no_console_users

import data.soc2gate.lib.core

deny contains v if {
	some p in core.resources("aws_iam_user_login_profile")
	p.mode == "managed"
	v := core.violation(p, "user", sprintf(
		"%s gives %s a console password; let people sign in through IAM Identity Center (SSO), where access is granted and revoked centrally",
		[p.address, _user(p)],
	))
}

_user(p) := sprintf("IAM user %q", [name]) if {
	name := object.get(p.values, "user", null)
	is_string(name)
}

_user(p) := sprintf("IAM user %s", [concat(", ", refs)]) if {
	not is_string(object.get(p.values, "user", null))
	refs := object.get(p.refs, "user", [])
	count(refs) > 0
}

_user(p) := "an IAM user" if {
	not is_string(object.get(p.values, "user", null))
	count(object.get(p.refs, "user", [])) == 0
}
