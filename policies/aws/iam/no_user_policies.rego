# METADATA
# title: IAM users get their permissions through groups or roles, not directly
# description: >-
#   No policy may be attached directly to an IAM user: an `aws_iam_user_policy` (an
#   inline user policy), an `aws_iam_user_policy_attachment`, an
#   `aws_iam_user_policy_attachments_exclusive` with policies in `policy_arns`, or an
#   `aws_iam_policy_attachment` whose `users` list is not empty. Permissions granted user
#   by user are hard to review and to revoke; grant them to IAM groups or to roles that
#   users assume. The user policy resources are reported whatever their values, since
#   their existence is the problem; a `users` or `policy_arns` list that cannot be known
#   statically is not judged (a list of known length whose elements are computed, such as
#   `[aws_iam_user.alice.name]`, is).
# custom:
#   id: aws-iam-no-user-policies
#   severity: medium
#   controls: [CC6.2, CC6.3]
#   resource_types:
#     - aws_iam_user_policy
#     - aws_iam_user_policy_attachment
#     - aws_iam_user_policy_attachments_exclusive
#     - aws_iam_policy_attachment
#   remediation: |
#     Attach the policy to a group and make the user a member of it (or to a role the
#     user assumes):
#
#     ```hcl
#     resource "aws_iam_group" "developers" {
#       name = "developers"
#     }
#
#     resource "aws_iam_group_policy_attachment" "developers_read_only" {
#       group      = aws_iam_group.developers.name
#       policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
#     }
#
#     resource "aws_iam_user_group_membership" "alice" {
#       user   = aws_iam_user.alice.name
#       groups = [aws_iam_group.developers.name]
#     }
#     ```
package soc2gate.aws.iam.no_user_policies

import data.soc2gate.lib.core

_instead := "grant permissions through an IAM group or a role instead"

deny contains v if {
	some r in _managed("aws_iam_user_policy")
	v := core.violation(r, "", sprintf(
		"%s is attached directly to %s; %s",
		[_inline_policy(r), _user(r), _instead],
	))
}

deny contains v if {
	some r in _managed("aws_iam_user_policy_attachment")
	v := core.violation(r, "", sprintf(
		"%s is attached directly to %s; %s",
		[_managed_policy(r), _user(r), _instead],
	))
}

deny contains v if {
	some r in _managed("aws_iam_user_policy_attachments_exclusive")
	_non_empty_list(r, "policy_arns")
	v := core.violation(r, "policy_arns", sprintf(
		"policy_arns attaches managed policies directly to %s; %s",
		[_user(r), _instead],
	))
}

deny contains v if {
	some r in _managed("aws_iam_policy_attachment")
	_non_empty_list(r, "users")
	v := core.violation(r, "users", sprintf(
		"%s attaches %s directly to IAM users; remove the users and %s",
		[_attachment(r), _managed_policy(r), _instead],
	))
}

_managed(type_name) := [r |
	some r in core.resources(type_name)
	r.mode == "managed"
]

# A list whose length is known and not zero, even when its elements are computed
# (`[aws_iam_user.alice.name]`).
_non_empty_list(r, key) if {
	not core.unknown(r, [key])
	list := object.get(r.values, key, [])
	is_array(list)
	count(list) > 0
}

# How a message names the user: its known name, else the user resource it references.
_user(r) := sprintf("IAM user %q", [name]) if {
	name := object.get(r.values, _user_key(r), null)
	is_string(name)
} else := sprintf("IAM user %s", [refs[0]]) if {
	refs := object.get(r.refs, _user_key(r), [])
	count(refs) > 0
} else := "an IAM user"

_user_key(r) := "user_name" if r.type == "aws_iam_user_policy_attachments_exclusive"

_user_key(r) := "user" if r.type != "aws_iam_user_policy_attachments_exclusive"

_inline_policy(r) := sprintf("inline policy %q", [r.values.name]) if {
	is_string(r.values.name)
} else := sprintf("inline policy %s", [r.address])

_managed_policy(r) := sprintf("policy %s", [r.values.policy_arn]) if {
	is_string(r.values.policy_arn)
} else := sprintf("policy %s", [r.refs.policy_arn[0]]) if {
	count(r.refs.policy_arn) > 0
} else := "a managed policy"

_attachment(r) := sprintf("policy attachment %q", [r.values.name]) if {
	is_string(r.values.name)
} else := sprintf("policy attachment %s", [r.address])

# What the rule could not judge: a list of users or of policy ARNs that cannot be known
# (it may be empty).
undetermined contains v if {
	some [type_name, key] in [["aws_iam_user_policy_attachments_exclusive", "policy_arns"], ["aws_iam_policy_attachment", "users"]]
	some r in _managed(type_name)
	core.unknown(r, [key])
	v := core.cannot_judge(r, [key])
}
