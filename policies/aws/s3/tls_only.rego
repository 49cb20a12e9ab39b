# METADATA
# title: S3 buckets deny requests that do not use TLS
# description: >-
#   Every `aws_s3_bucket` must have a bucket policy with a statement that denies
#   insecure transport: `Effect = "Deny"` for every principal (`"*"` or `{"AWS": "*"}`)
#   on `s3:*` (or `*`) over the bucket and its objects (`arn:aws:s3:::<name>` and
#   `arn:aws:s3:::<name>/*`, or `*`), with the condition `Bool` `aws:SecureTransport` =
#   false (or `NumericLessThan` `s3:TlsVersion` 1.2). The policy may be the bucket's
#   inline `policy` or an `aws_s3_bucket_policy` joined to it by reference or by the same
#   literal bucket name, written with `jsonencode`, as JSON, or as
#   `data.aws_iam_policy_document.x.json`. Without a bucket policy S3 accepts plain HTTP
#   requests, so a bucket with no policy, or only policies without such a statement, is
#   reported. When a policy or part of one cannot be known (a computed ARN in `Resource`,
#   a policy from a variable, a `dynamic` statement, a policy whose `bucket` cannot be
#   resolved), the rule only reports if no statement could be such a denial.
# custom:
#   id: aws-s3-tls-only
#   severity: high
#   controls: [CC6.7]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_policy, aws_iam_policy_document]
#   remediation: |
#     Attach a bucket policy that denies every request made without TLS:
#
#     ```hcl
#     resource "aws_s3_bucket_policy" "logs" {
#       bucket = aws_s3_bucket.logs.id
#       policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Sid       = "DenyInsecureTransport"
#           Effect    = "Deny"
#           Principal = "*"
#           Action    = "s3:*"
#           Resource  = [aws_s3_bucket.logs.arn, "${aws_s3_bucket.logs.arn}/*"]
#           Condition = { Bool = { "aws:SecureTransport" = "false" } }
#         }]
#       })
#     }
#     ```
#
#     If the bucket already has a policy, add the statement to it: a bucket has only one.
package soc2gate.aws.s3.tls_only

import data.soc2gate.lib.aws.iam
import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

deny contains v if {
	some bucket in s3.buckets
	docs := _documents(bucket)
	not _cannot_tell(bucket, docs)
	not _may_deny_insecure_transport(bucket, docs)
	v := core.violation(bucket, "", _message(bucket, docs))
}

# The policy documents that may apply to the bucket: [resource, path] pairs.
_documents(bucket) := array.concat(
	[[bucket, ["policy"]] | not core.unset(bucket, ["policy"])],
	[[p, ["policy"]] | some p in s3.maybe_joined_of(bucket, "aws_s3_bucket_policy")],
)

# Some document may hold statements no one can read.
_cannot_tell(_, docs) if {
	some [r, path] in docs
	iam.open(r, path)
}

# Some statement denies insecure transport, or might once its unknown parts are known.
_may_deny_insecure_transport(bucket, docs) if {
	some [r, path] in docs
	some s in iam.statements(r, path)
	not _not_a_tls_denial(bucket, s)
}

# Each rule below proves from known values that the statement is not a TLS-only denial.
_not_a_tls_denial(_, s) if {
	s.effect != null
	s.effect != "Deny"
}

_not_a_tls_denial(_, s) if {
	not "principals" in s.unknown
	not _every_principal(s)
}

_not_a_tls_denial(_, s) if {
	not "actions" in s.unknown
	not _all_s3_actions(s)
}

_not_a_tls_denial(bucket, s) if {
	not "resources" in s.unknown
	not "not_resources" in s.present
	not _bucket_and_objects(bucket, s)
}

_not_a_tls_denial(_, s) if {
	not "conditions" in s.unknown
	not iam.insecure_transport_condition(s)
}

_every_principal(s) if {
	some p in s.principals
	p.type in {"*", "AWS"}
	"*" in p.identifiers
}

_all_s3_actions(s) if {
	some action in s.actions
	lower(action) in {"*", "s3:*"}
}

# The statement's resources cover the bucket and all its objects. When the bucket's name
# is not known, only `*` can be judged; anything else might name it.
_bucket_and_objects(_, s) if {
	some resource in s.resources
	resource == "*"
}

_bucket_and_objects(bucket, s) if {
	not s3.bucket_name(bucket)
	count(s.resources) > 0
}

_bucket_and_objects(bucket, s) if {
	name := s3.bucket_name(bucket)
	arn := sprintf("arn:aws:s3:::%s", [name])
	some bucket_pattern in s.resources
	_matches(bucket_pattern, arn)
	some objects_pattern in s.resources
	_matches(objects_pattern, concat("", [arn, "/"]))
	_matches(objects_pattern, concat("", [arn, "/any/key.txt"]))
}

# An IAM resource pattern (`*` any characters, `?` one) matches the ARN; the partition
# (`aws`, `aws-cn`, `aws-us-gov`) is not compared.
_matches(pattern, arn) if {
	p := regex.replace(pattern, `^arn:[a-z*-]*:s3:`, "arn:aws:s3:")
	escaped := regex.replace(p, `[.+()|\[\]{}^$\\]`, `\$0`)
	re := concat("", ["^", replace(replace(escaped, "*", ".*"), "?", "."), "$"])
	regex.match(re, arn)
}

_message(bucket, docs) := msg if {
	count(docs) == 0
	msg := sprintf(
		"%s has no bucket policy, so S3 accepts requests without TLS: add one that denies s3:* when aws:SecureTransport is false",
		[s3.describe(bucket)],
	)
}

_message(bucket, docs) := msg if {
	count(docs) > 0
	names := concat(", ", sort({_policy_name(r) | some [r, _] in docs}))
	msg := sprintf(
		"no statement of the policy of %s (%s) denies requests without TLS: add a Deny for every principal on s3:* over the bucket and its objects when aws:SecureTransport is false",
		[s3.describe(bucket), names],
	)
}

_policy_name(r) := "inline policy" if r.type == "aws_s3_bucket"

_policy_name(r) := r.address if r.type != "aws_s3_bucket"

# What the rule could not judge: a bucket none of whose policies certainly denies requests
# without TLS while one may: a document that cannot be read, a statement with a field that
# cannot be known, a policy resource whose `bucket` cannot be resolved, or a bucket name
# that cannot be known.
undetermined contains v if {
	some bucket in s3.buckets
	docs := _documents(bucket)
	_in_doubt(bucket, docs)
	not _certainly_denies(bucket, docs)
	v := core.violation(bucket, "", sprintf(
		"whether a policy of %s denies requests without TLS cannot be known statically, so the rule could not judge the bucket",
		[s3.describe(bucket)],
	))
}

_in_doubt(bucket, docs) if _cannot_tell(bucket, docs)

_in_doubt(bucket, docs) if _may_deny_insecure_transport(bucket, docs)

_certainly_denies(bucket, docs) if {
	some [r, path] in docs
	_certainly_attached(bucket, r)
	some s in iam.statements(r, path)
	s.effect == "Deny"
	not _unknown_field(s)
	_known_scope(bucket, s)
	not _not_a_tls_denial(bucket, s)
}

_certainly_attached(_, r) if r.type == "aws_s3_bucket"

_certainly_attached(bucket, r) if s3.joined(bucket, r)

_unknown_field(s) if {
	some field in ["principals", "actions", "conditions"]
	field in s.unknown
}

_known_scope(_, s) if "*" in s.resources

_known_scope(bucket, s) if {
	not "resources" in s.unknown
	s3.bucket_name(bucket)
}

# Resources that cannot be known but reference the bucket (`aws_s3_bucket.b.arn` and
# "${aws_s3_bucket.b.arn}/*"), in the document or in the policy document data source it
# is rendered from: the usual way to write the bucket and its objects.
_known_scope(bucket, s) if {
	"resources" in s.unknown
	_references_bucket(s.resource, split(s.path, ".")[0], bucket)
}

_references_bucket(r, document, bucket) if {
	some address in _referenced(r, document)
	address in {bucket.address, s3.base_address(bucket.address)}
}

_references_bucket(r, document, bucket) if {
	some address in _referenced(r, document)
	some d in core.resources("aws_iam_policy_document")
	d.address == address
	some addresses in d.refs
	some a in addresses
	a in {bucket.address, s3.base_address(bucket.address)}
}

_referenced(r, document) := {address |
	some key, addresses in r.refs
	startswith(key, document)
	some address in addresses
}
