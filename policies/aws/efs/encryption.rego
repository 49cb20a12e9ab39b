# METADATA
# title: EFS file systems are encrypted at rest
# description: >-
#   Every `aws_efs_file_system` must set `encrypted = true`, so that its data and metadata
#   are encrypted at rest. Unset, the provider's default `false` applies and the file
#   system is reported at its header; `encrypted = false` is reported at the attribute.
#   A `kms_key_id` alone does not encrypt: the provider requires `encrypted = true` with
#   it. A value that cannot be known statically is not judged. Data sources are not
#   judged.
# custom:
#   id: aws-efs-encryption
#   severity: high
#   controls: [CC6.1]
#   resource_types: [aws_efs_file_system]
#   remediation: |
#     Encrypt the file system, preferably with a customer managed KMS key. Encryption
#     cannot be turned on for an existing file system: Terraform replaces it, so copy the
#     data to the new one (AWS DataSync, or a restore from AWS Backup).
#
#     ```hcl
#     resource "aws_efs_file_system" "shared" {
#       creation_token = "shared"
#       encrypted      = true
#       kms_key_id     = aws_kms_key.efs.arn
#     }
#     ```
package soc2gate.aws.efs.encryption

import data.soc2gate.lib.core

deny contains v if {
	some fs in _file_systems
	core.unset(fs, ["encrypted"])
	v := core.violation(fs, "", sprintf(
		"%s does not set encrypted, which defaults to false: its data is not encrypted at rest; set encrypted = true",
		[_describe(fs)],
	))
}

deny contains v if {
	some fs in _file_systems
	core.known(fs, ["encrypted"])
	core.get(fs, ["encrypted"]) in {false, "false"}
	v := core.violation(fs, "encrypted", sprintf(
		"%s sets encrypted = false: its data is not encrypted at rest; set encrypted = true",
		[_describe(fs)],
	))
}

_file_systems := [fs |
	some fs in core.resources("aws_efs_file_system")
	fs.mode == "managed"
]

# How a message names a file system: its creation token, else its `Name` tag, else its
# address.
_describe(fs) := sprintf("EFS file system %q", [_name(fs)])

_describe(fs) := sprintf("EFS file system %s", [fs.address]) if not _name(fs)

_name(fs) := name if {
	name := object.get(fs.values, "creation_token", null)
	is_string(name)
}

_name(fs) := name if {
	not is_string(object.get(fs.values, "creation_token", null))
	name := object.get(fs.values, ["tags", "Name"], null)
	is_string(name)
}

# What the rule could not judge: an `encrypted` that cannot be known.
undetermined contains v if {
	some fs in _file_systems
	some v in core.unknown_at(fs, [["encrypted"]])
}
