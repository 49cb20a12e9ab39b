package soc2gate.aws.s3.no_public_acl_test

import data.soc2gate.aws.s3.no_public_acl
import data.soc2gate.lib.aws.inputs_test as t

acl_type := "aws_s3_bucket_acl"

logs := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

all_users := "http://acs.amazonaws.com/groups/global/AllUsers"

authenticated_users := "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"

log_delivery := "http://acs.amazonaws.com/groups/s3/LogDelivery"

policy(grants) := [{"grant": grants, "owner": [{"id": "owner"}]}]

group_grant(uri, permission) := {"grantee": [{"type": "Group", "uri": uri}], "permission": permission}

test_inline_public_read_fails_at_acl if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "acl": "public-read"})
	found := no_public_acl.deny with input as t.input_of([b])
	found == {{
		"resource": "aws_s3_bucket.logs",
		"attribute": "acl",
		"message": `bucket "acme-logs" has the canned ACL "public-read", which grants read access to everyone; remove it (the default is private) and grant access with policies`,
	}}
}

test_every_public_canned_acl_fails if {
	every acl in ["public-read", "public-read-write", "authenticated-read"] {
		b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "acl": acl})
		found := no_public_acl.deny with input as t.input_of([b])
		count(found) == 1
	}
}

test_private_and_unset_acls_pass if {
	private := t.resource("aws_s3_bucket", "a", {"bucket": "acme-a", "acl": "private"})
	delivery := t.resource("aws_s3_bucket", "b", {"bucket": "acme-b", "acl": "log-delivery-write"})
	unset := t.resource("aws_s3_bucket", "c", {"bucket": "acme-c"})
	found := no_public_acl.deny with input as t.input_of([private, delivery, unset])
	found == set()
}

test_unknown_inline_acl_stays_silent if {
	b := t.with_unknown(logs, ["acl"])
	found := no_public_acl.deny with input as t.input_of([b])
	found == set()
}

test_split_acl_by_reference_fails_at_acl if {
	b := logs
	a := t.bucket_ref(t.resource(acl_type, "logs", {"acl": "public-read-write"}), b)
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == {{
		"resource": "aws_s3_bucket_acl.logs",
		"attribute": "acl",
		"message": `the ACL of bucket "acme-logs" is the canned ACL "public-read-write", which grants read and write access to everyone; use "private" and grant access with policies`,
	}}
}

test_split_acl_by_literal_name_fails if {
	b := logs
	a := t.resource(acl_type, "logs", {"bucket": "acme-logs", "acl": "authenticated-read"})
	found := no_public_acl.deny with input as t.input_of([b, a])
	[v] := [x | some x in found]
	v.resource == "aws_s3_bucket_acl.logs"
	v.message == `the ACL of bucket "acme-logs" is the canned ACL "authenticated-read", which grants read access to every AWS account; use "private" and grant access with policies`
}

test_split_acl_of_a_bucket_elsewhere_fails if {
	a := t.with_unknown(t.resource(acl_type, "shared", {"acl": "public-read"}), ["bucket"])
	found := no_public_acl.deny with input as t.input_of([a])
	[v] := [x | some x in found]
	startswith(v.message, "the ACL of its bucket is the canned ACL")
}

test_private_split_acl_passes if {
	b := logs
	a := t.bucket_ref(t.resource(acl_type, "logs", {"acl": "private"}), b)
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == set()
}

test_unknown_split_acl_stays_silent if {
	b := logs
	a := t.with_unknown(t.bucket_ref(t.resource(acl_type, "logs", {}), b), ["bucket", "acl"])
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == set()
}

test_grant_to_all_users_fails_at_the_grantee_uri if {
	b := logs
	grants := [group_grant(log_delivery, "WRITE"), group_grant(all_users, "READ")]
	a := t.bucket_ref(t.resource(acl_type, "logs", {"access_control_policy": policy(grants)}), b)
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == {{
		"resource": "aws_s3_bucket_acl.logs",
		"attribute": "access_control_policy[0].grant[1].grantee[0].uri",
		"message": `the ACL of bucket "acme-logs" grants READ to everyone (AllUsers); remove the grant and give access with policies`,
	}}
}

test_grant_to_authenticated_users_fails if {
	b := logs
	a := t.bucket_ref(t.resource(acl_type, "logs", {"access_control_policy": policy([group_grant(authenticated_users, "FULL_CONTROL")])}), b)
	found := no_public_acl.deny with input as t.input_of([b, a])
	[v] := [x | some x in found]
	v.message == `the ACL of bucket "acme-logs" grants FULL_CONTROL to every AWS account (AuthenticatedUsers); remove the grant and give access with policies`
}

test_grants_to_users_and_log_delivery_pass if {
	b := logs
	grants := [
		{"grantee": [{"type": "CanonicalUser", "id": "abc"}], "permission": "FULL_CONTROL"},
		group_grant(log_delivery, "READ_ACP"),
	]
	a := t.bucket_ref(t.resource(acl_type, "logs", {"access_control_policy": policy(grants)}), b)
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == set()
}

test_unknown_grantee_stays_silent if {
	b := logs
	grants := [{"grantee": [{"type": "Group"}], "permission": "READ"}, null]
	a := t.with_unknown(t.bucket_ref(t.resource(acl_type, "logs", {"access_control_policy": policy(grants)}), b), [
		"bucket",
		"access_control_policy[0].grant[0].grantee[0].uri",
		"access_control_policy[0].grant[1]",
	])
	found := no_public_acl.deny with input as t.input_of([b, a])
	found == set()
}

test_inline_grant_to_all_users_fails_at_its_uri if {
	b := t.resource("aws_s3_bucket", "logs", {"bucket": "acme-logs", "grant": [
		{"type": "CanonicalUser", "id": "abc", "permissions": ["FULL_CONTROL"]},
		{"type": "Group", "uri": all_users, "permissions": ["READ", "READ_ACP"]},
	]})
	found := no_public_acl.deny with input as t.input_of([b])
	found == {{
		"resource": "aws_s3_bucket.logs",
		"attribute": "grant[1].uri",
		"message": `bucket "acme-logs" grants READ, READ_ACP to everyone (AllUsers) in its ACL; remove the grant and give access with policies`,
	}}
}

test_acl_data_sources_are_not_judged if {
	a := object.union(t.resource(acl_type, "logs", {"bucket": "acme-logs", "acl": "public-read"}), {"mode": "data", "address": "data.aws_s3_bucket_acl.logs"})
	found := no_public_acl.deny with input as t.input_of([a])
	found == set()
}
