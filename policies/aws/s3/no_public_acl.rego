# METADATA
# title: S3 bucket ACLs grant nothing to everyone
# description: >-
#   A bucket's ACL must not open it to the public. Reported: the canned ACLs
#   `public-read`, `public-read-write` and `authenticated-read` (any AWS account), set
#   inline on an `aws_s3_bucket` (`acl`, AWS provider v3 style) or on an
#   `aws_s3_bucket_acl` (whichever bucket it names, by reference or by literal name); and
#   grants to the `AllUsers` or `AuthenticatedUsers` group
#   (`http://acs.amazonaws.com/groups/global/...`) in an `aws_s3_bucket_acl`'s
#   `access_control_policy` or a bucket's inline `grant` blocks. An unset `acl` is the
#   provider's default, `private`, and passes; an ACL or a grantee that cannot be known
#   statically (a variable without a default) is not judged. The `LogDelivery` group and
#   canonical user grants are not public.
# custom:
#   id: aws-s3-no-public-acl
#   severity: critical
#   controls: [CC6.1, C1.1]
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   remediation: |
#     Keep bucket ACLs private (better: disable ACLs with object ownership
#     `BucketOwnerEnforced`) and grant access with IAM or bucket policies, or serve public
#     content through CloudFront:
#
#     ```hcl
#     resource "aws_s3_bucket_ownership_controls" "assets" {
#       bucket = aws_s3_bucket.assets.id
#
#       rule {
#         object_ownership = "BucketOwnerEnforced"
#       }
#     }
#     ```
#
#     If an `aws_s3_bucket_acl` is still needed, use `acl = "private"`.
package soc2gate.aws.s3.no_public_acl

import data.soc2gate.lib.aws.s3
import data.soc2gate.lib.core

_public_acls := {
	"public-read": "grants read access to everyone",
	"public-read-write": "grants read and write access to everyone",
	"authenticated-read": "grants read access to every AWS account",
}

# The group URIs that stand for everyone, by their last path segment.
_public_groups := {
	"allusers": "everyone (AllUsers)",
	"authenticatedusers": "every AWS account (AuthenticatedUsers)",
}

# Inline canned ACL on the bucket.
deny contains v if {
	some bucket in s3.buckets
	acl := core.get(bucket, ["acl"])
	what := _public_acls[acl]
	v := core.violation(bucket, "acl", sprintf(
		"%s has the canned ACL %q, which %s; remove it (the default is private) and grant access with policies",
		[s3.describe(bucket), acl, what],
	))
}

# Canned ACL of an `aws_s3_bucket_acl`.
deny contains v if {
	some r in core.resources("aws_s3_bucket_acl")
	r.mode == "managed"
	acl := core.get(r, ["acl"])
	what := _public_acls[acl]
	v := core.violation(r, "acl", sprintf(
		"the ACL of %s is the canned ACL %q, which %s; use \"private\" and grant access with policies",
		[s3.describe_bucket_of(r), acl, what],
	))
}

# A grant to a public group in an `aws_s3_bucket_acl`'s access control policy.
deny contains v if {
	some r in core.resources("aws_s3_bucket_acl")
	r.mode == "managed"
	some i, grant in object.get(r.values, ["access_control_policy", 0, "grant"], [])
	is_object(grant)
	some j, grantee in object.get(grant, "grantee", [])
	who := _public_group(grantee)
	v := core.violation(r, sprintf("access_control_policy[0].grant[%d].grantee[%d].uri", [i, j]), sprintf(
		"the ACL of %s grants %s to %s; remove the grant and give access with policies",
		[s3.describe_bucket_of(r), _permission(object.get(grant, "permission", null)), who],
	))
}

# An inline `grant` block of the bucket (AWS provider v3 style).
deny contains v if {
	some bucket in s3.buckets
	some i, grant in object.get(bucket.values, "grant", [])
	is_object(grant)
	who := _public_group(grant)
	v := core.violation(bucket, sprintf("grant[%d].uri", [i]), sprintf(
		"%s grants %s to %s in its ACL; remove the grant and give access with policies",
		[s3.describe(bucket), _permissions(object.get(grant, "permissions", null)), who],
	))
}

# A known group URI such as "http://acs.amazonaws.com/groups/global/AllUsers".
_public_group(grantee) := who if {
	is_object(grantee)
	uri := object.get(grantee, "uri", null)
	is_string(uri)
	parts := split(trim_right(uri, "/"), "/")
	who := _public_groups[lower(parts[count(parts) - 1])]
	contains(lower(uri), "acs.amazonaws.com/groups/global/")
}

_permission(p) := p if is_string(p)

_permission(p) := "access" if not is_string(p)

_permissions(ps) := concat(", ", names) if {
	names := _names(ps)
	count(names) > 0
}

_permissions(ps) := "access" if count(_names(ps)) == 0

_names(ps) := [p | some p in ps; is_string(p)] if is_array(ps)

_names(ps) := [] if not is_array(ps)

# What the rule could not judge: a canned ACL or a grant that cannot be known.
undetermined contains v if {
	some bucket in s3.buckets
	some v in core.unknown_at(bucket, _bucket_paths(bucket))
}

undetermined contains v if {
	some r in core.resources("aws_s3_bucket_acl")
	r.mode == "managed"
	some v in core.unknown_at(r, _acl_paths(r))
}

_bucket_paths(bucket) := {["acl"]} | {["grant"] | core.unknown(bucket, ["grant"])} | {["grant", i, "uri"] |
	some i, _ in object.get(bucket.values, "grant", [])
}

_acl_paths(r) := {["acl"]} | {["access_control_policy", 0, "grant"] |
	core.unknown(r, ["access_control_policy", 0, "grant"])
} | {["access_control_policy", 0, "grant", i, "grantee"] |
	some i, grant in object.get(r.values, ["access_control_policy", 0, "grant"], [])
	is_object(grant)
	core.unknown(r, ["access_control_policy", 0, "grant", i, "grantee"])
} | {["access_control_policy", 0, "grant", i, "grantee", j, "uri"] |
	some i, grant in object.get(r.values, ["access_control_policy", 0, "grant"], [])
	is_object(grant)
	some j, _ in object.get(grant, "grantee", [])
}
