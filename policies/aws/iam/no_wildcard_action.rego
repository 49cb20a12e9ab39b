# METADATA
# title: IAM policies do not allow wildcard actions
# description: >-
#   No IAM policy document may allow a wildcard action: `*` (every action of every
#   service) or `service:*` (every action of one service, e.g. `s3:*`), or allow with
#   `NotAction` (every action but a few). Partial wildcards such as `s3:Get*` are
#   accepted. Checked documents: the `policy` of `aws_iam_policy`, `aws_iam_role_policy`,
#   `aws_iam_user_policy`, `aws_iam_group_policy`, `aws_s3_bucket_policy` and
#   `aws_s3_bucket`, each `inline_policy` of `aws_iam_role`, and every
#   `data.aws_iam_policy_document` that such a resource, another policy document or
#   nothing in the module references, whether written with `jsonencode`, as JSON or
#   heredoc, or as the data source. A data source's statement without `effect` allows
#   (the provider default). A statement that `aws-iam-no-wildcard-admin` reports (`*` on
#   `*`) is not reported again here; one referenced through a data source is reported
#   once, at the data source. An effect or action that cannot be known statically is not
#   judged.
# custom:
#   id: aws-iam-no-wildcard-action
#   severity: high
#   controls: [CC6.3]
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
#     List the actions the principal needs instead of `*`, `service:*` or `NotAction`:
#
#     ```hcl
#     resource "aws_iam_policy" "reader" {
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect   = "Allow"
#           Action   = ["s3:GetObject", "s3:ListBucket"]
#           Resource = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
#         }]
#       })
#     }
#     ```
package soc2gate.aws.iam.no_wildcard_action

import data.soc2gate.lib.aws.iam
import data.soc2gate.lib.core

deny contains v if {
	some s in iam.policy_statements
	iam.allows(s)
	not iam.admin(s)
	wildcards := [action | some action in s.actions; iam.wildcard_action(action)]
	count(wildcards) > 0
	v := core.violation(s.resource, s.paths.actions, sprintf(
		"%s allows %s: %s",
		[iam.label(s), concat(", ", [sprintf("%q", [a]) | some a in wildcards]), _scope(wildcards)],
	))
}

deny contains v if {
	some s in iam.policy_statements
	iam.allows(s)
	"not_actions" in s.present
	v := core.violation(s.resource, s.paths.not_actions, sprintf(
		"%s allows with NotAction, which grants every action except those listed, including actions AWS adds later",
		[iam.label(s)],
	))
}

_scope(wildcards) := "every action of every service" if {
	some a in wildcards
	iam.full_wildcard(a)
}

_scope(wildcards) := "every action of the service" if {
	not _has_full(wildcards)
	count(wildcards) == 1
}

_scope(wildcards) := "every action of these services" if {
	not _has_full(wildcards)
	count(wildcards) > 1
}

_has_full(wildcards) if {
	some a in wildcards
	iam.full_wildcard(a)
}

# What the rule could not judge: documents that cannot be read, and statements whose
# effect or actions cannot be known.
undetermined contains v if some v in iam.open_documents

undetermined contains v if {
	some s in iam.policy_statements
	iam.may_allow(s)
	_may_grant_wildcards(s)
	v := iam.undetermined_statement(s, ["effect", "actions", "not_actions"])
}

_may_grant_wildcards(s) if "actions" in s.unknown

_may_grant_wildcards(s) if "not_actions" in s.unknown

_may_grant_wildcards(s) if "not_actions" in s.present

_may_grant_wildcards(s) if {
	some action in s.actions
	iam.wildcard_action(action)
}
