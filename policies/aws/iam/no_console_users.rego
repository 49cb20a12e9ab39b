# METADATA
# title: People sign in through SSO, not with IAM user console passwords
# description: >-
#   No `aws_iam_user_login_profile` may give an IAM user a console password. People should
#   sign in through AWS IAM Identity Center (SSO) or a federated identity provider, where
#   joiners are registered and leavers removed in one place; an IAM user's password lives
#   outside that process. Every managed login profile is reported, at its `user` (IAM
#   users without one pass). A profile whose `user` cannot be known statically and
#   references no resource (such as `each.key` of a `for_each` over a variable without a
#   default, which may hold no user at all) is not judged.
# custom:
#   id: aws-iam-no-console-users
#   severity: medium
#   controls: [CC6.2]
#   resource_types: [aws_iam_user_login_profile, aws_iam_user]
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
	_user_known(p)
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

# The user is named, or referenced (`aws_iam_user.ana.name`): the profile certainly
# exists for a user.
_user_known(p) if is_string(object.get(p.values, "user", null))

_user_known(p) if count(object.get(p.refs, "user", [])) > 0

undetermined contains v if {
	some p in core.resources("aws_iam_user_login_profile")
	p.mode == "managed"
	not _user_known(p)
	core.unknown(p, ["user"])
	v := core.violation(p, "user", "the user of this login profile cannot be known statically (a for_each over unknown keys may create none), so the rule could not judge it")
}
