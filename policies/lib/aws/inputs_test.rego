# Builders of policy inputs for the tests of the AWS rules and helpers, in the shape the
# Terraform loader produces (see ARCHITECTURE.md). No tests of its own.
#
# regorus quirks to keep in mind: `f(x) == y with input as {...}` can evaluate as
# undefined (assign first: `got := f(x) with input as {...}`, compare on the next line),
# and a function's result can be lost when one of its arguments and the `with input as`
# value both reference the same rule of a test package (bind such rules to local
# variables first).
package soc2gate.lib.aws.inputs_test

# A managed resource of the resource graph.
resource(type_name, name, values) := {
	"address": sprintf("%s.%s", [type_name, name]),
	"mode": "managed",
	"type": type_name,
	"name": name,
	"provider": "aws",
	"module": "",
	"file": "main.tf",
	"values": values,
	"unknown": [],
	"refs": {},
	"expressions": {},
}

# A data source (`data.<type>.<name>`).
data_source(type_name, name, values) := object.union(resource(type_name, name, values), {
	"address": sprintf("data.%s.%s", [type_name, name]),
	"mode": "data",
})

# The same resource with some paths unknown (absent from its values, listed in `unknown`).
with_unknown(r, paths) := object.union(r, {"unknown": paths})

# The same resource with references: attribute path -> addresses.
with_refs(r, refs) := object.union(r, {"refs": refs})

# The same resource with unknown paths written as expressions: path -> canonical text.
with_expressions(r, expressions) := object.union(
	with_unknown(r, array.concat(r.unknown, [p | some p, _ in expressions])),
	{"expressions": expressions},
)

# The policy input holding `resources`, grouped by type.
input_of(resources) := {"resources": {t: [r | some r in resources; r.type == t] |
	some x in resources
	t := x.type
}}

# `bucket = aws_s3_bucket.<name>.id` in a split resource: unknown, with a reference.
bucket_ref(r, bucket) := with_unknown(with_refs(r, {"bucket": [bucket.address]}), ["bucket"])

# The usual TLS-only statement of a bucket policy, as a decoded JSON object.
tls_statement(name) := {
	"Sid": "DenyInsecureTransport",
	"Effect": "Deny",
	"Principal": "*",
	"Action": "s3:*",
	"Resource": [sprintf("arn:aws:s3:::%s", [name]), sprintf("arn:aws:s3:::%s/*", [name])],
	"Condition": {"Bool": {"aws:SecureTransport": "false"}},
}

# A policy document (decoded) holding `statements`.
document(statements) := {"Version": "2012-10-17", "Statement": statements}
