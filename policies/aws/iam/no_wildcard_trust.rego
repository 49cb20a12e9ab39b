# METADATA
# title: IAM role trust policies do not let anyone assume the role
# description: >-
#   The trust policy (`assume_role_policy`) of every `aws_iam_role` must not allow any
#   principal to assume the role unconditionally: a statement with `Effect = "Allow"`, a
#   principal `"*"` or `{ AWS = "*" }` (a string or a list holding `"*"`; in an
#   `aws_iam_policy_document`, a `principals` block of type `*` or `AWS` whose
#   identifiers hold `"*"`) and no `Condition` lets every AWS account in the world assume
#   it. A statement with a condition (such as `sts:ExternalId`, `aws:PrincipalOrgID` or
#   `aws:SourceAccount`) passes. The document may be written with `jsonencode`, as a JSON
#   string or heredoc, or as a `data.aws_iam_policy_document`, which is then reported at
#   its own `principals` block, once however many roles use it. A data source's statement
#   without `effect` allows (the provider default). An effect, principal or condition that
#   cannot be known statically is not judged.
# custom:
#   id: aws-iam-no-wildcard-trust
#   severity: critical
#   controls: [CC6.1]
#   resource_types: [aws_iam_role, aws_iam_policy_document]
#   remediation: |
#     Trust only the accounts, roles or services that need the role, or restrict a broad
#     principal with a condition:
#
#     ```hcl
#     data "aws_iam_policy_document" "vendor_trust" {
#       statement {
#         actions = ["sts:AssumeRole"]
#         principals {
#           type        = "AWS"
#           identifiers = ["arn:aws:iam::111122223333:root"]
#         }
#         condition {
#           test     = "StringEquals"
#           variable = "sts:ExternalId"
#           values   = [var.vendor_external_id]
#         }
#       }
#     }
#     ```
package soc2gate.aws.iam.no_wildcard_trust

import data.soc2gate.lib.aws.iam
import data.soc2gate.lib.core

deny contains v if {
	some s in iam.trust_statements
	iam.allows(s)
	some p in s.principals
	iam.wildcard_principal(p)
	count(s.conditions) == 0
	not "conditions" in s.unknown
	v := core.violation(s.resource, _principal_path(s), sprintf(
		`%s: %s allows any principal ("*") to assume the role without a condition; trust named accounts, roles or services, or add a condition such as sts:ExternalId or aws:PrincipalOrgID`,
		[_describe(s.resource), iam.label(s)],
	))
}

# A data source's statement block: its first `principals` block that matches anyone.
_principal_path(s) := sprintf("%s.principals[%d]", [s.path, js[0]]) if {
	startswith(s.path, "statement[")
	blocks := object.get(s.resource.values, ["statement", s.index, "principals"], [])
	js := [j |
		some j, b in blocks
		is_object(b)
		iam.wildcard_principal({"type": object.get(b, "type", null), "identifiers": object.get(b, "identifiers", [])})
	]
	count(js) > 0
} else := s.paths.principals

_describe(r) := sprintf("trust policy of role %q", [r.values.name]) if {
	r.type == "aws_iam_role"
	is_string(r.values.name)
} else := sprintf("trust policy of role %s", [r.address]) if {
	r.type == "aws_iam_role"
} else := sprintf("trust policy %s", [r.address])

# What the rule could not judge: trust policies that cannot be read, and statements whose
# effect, principals or conditions cannot be known.
undetermined contains v if some v in iam.open_trust_documents

undetermined contains v if {
	some s in iam.trust_statements
	iam.may_allow(s)
	_may_trust_anyone(s)
	_may_lack_conditions(s)
	v := iam.undetermined_statement(s, ["effect", "principals", "conditions"])
}

_may_trust_anyone(s) if "principals" in s.unknown

_may_trust_anyone(s) if {
	some p in s.principals
	iam.wildcard_principal(p)
}

_may_lack_conditions(s) if "conditions" in s.unknown

_may_lack_conditions(s) if count(s.conditions) == 0
