# METADATA
# title: IAM policies do not grant administrator access
# description: >-
#   No IAM policy document may allow every action (`*`) on every resource (`*`): such a
#   statement grants full administrator access and defeats least privilege. Checked
#   documents: the `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
#   `aws_iam_user_policy`, `aws_iam_group_policy`, `aws_s3_bucket_policy` and
#   `aws_s3_bucket`, each `inline_policy` of `aws_iam_role`, and every
#   `data.aws_iam_policy_document` that such a resource, another policy document or
#   nothing in the module references, whether written with `jsonencode`, as JSON or
#   heredoc, or as the data source. A data source's statement without `effect` allows
#   (the provider default). A statement referenced through a data source is reported once,
#   at the data source's `actions`. An effect, action or resource that cannot be known
#   statically is not judged.
# custom:
#   id: aws-iam-no-wildcard-admin
#   severity: critical
#   controls: [CC6.1, CC6.3]
#   resource_types:
#     - aws_iam_policy
#     - aws_iam_role_policy
#     - aws_iam_user_policy
#     - aws_iam_group_policy
#     - aws_iam_role
#     - aws_s3_bucket_policy
#     - aws_s3_bucket
#     - aws_iam_policy_document
#   remediation: |
#     Grant only the actions the principal needs, on the resources it needs them on.
#     For administrators, attach the AWS managed `AdministratorAccess` policy to a role
#     that people assume with MFA, rather than writing `"*"` on `"*"`:
#
#     ```hcl
#     data "aws_iam_policy_document" "deploy" {
#       statement {
#         actions   = ["s3:GetObject", "s3:PutObject"]
#         resources = ["${aws_s3_bucket.artifacts.arn}/*"]
#       }
#     }
#     ```
package soc2gate.aws.iam.no_wildcard_admin

import data.soc2gate.lib.aws.iam
import data.soc2gate.lib.core

deny contains v if {
	some s in iam.policy_statements
	iam.admin(s)
	v := core.violation(s.resource, s.paths.actions, sprintf(
		`%s allows every action ("*") on every resource ("*"): administrator access`,
		[iam.label(s)],
	))
}

# What the rule could not judge: documents that cannot be read, and statements whose
# effect, actions or resources cannot be known.
undetermined contains v if some v in iam.open_documents

undetermined contains v if {
	some s in iam.policy_statements
	iam.may_allow(s)
	_may_grant_every_action(s)
	_may_cover_every_resource(s)
	v := iam.undetermined_statement(s, ["effect", "actions", "resources"])
}

_may_grant_every_action(s) if "actions" in s.unknown

_may_grant_every_action(s) if {
	some action in s.actions
	iam.full_wildcard(action)
}

_may_cover_every_resource(s) if "resources" in s.unknown

_may_cover_every_resource(s) if "*" in s.resources
