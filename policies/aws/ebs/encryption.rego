# METADATA
# title: EBS volumes are encrypted at rest
# description: >-
#   Every EBS volume the configuration creates must be encrypted: an `aws_ebs_volume`
#   with `encrypted = true`, each `root_block_device` and `ebs_block_device` of an
#   `aws_instance` with `encrypted = true`, and each EBS mapping of an
#   `aws_launch_template` (`block_device_mappings { ebs { encrypted = "true" } }`; the
#   provider takes the string, a boolean is read the same way). Unset, the provider's
#   default `false` applies and the volume or block is reported; `false` is reported at
#   the attribute. An `aws_instance` without a `root_block_device` is reported at its
#   header: its root volume follows the AMI's block device mapping, which is not
#   encrypted unless the AMI's snapshot is, and nothing in the configuration says so. An
#   instance launched from a launch template (`launch_template`) is exempt from that,
#   since the template may map the root device; a launch template without EBS mappings
#   is not reported, since the name of the AMI's root device is not known. Everything is
#   exempt when the scan (any module of it, usually an account baseline) manages an
#   `aws_ebs_encryption_by_default` with `enabled` true or unset (its default is `true`):
#   AWS then encrypts every new volume of the region. A value that cannot be known
#   statically (`encrypted`, a `dynamic` block, the `enabled` of that setting) is not
#   judged. Data sources are not judged.
# custom:
#   id: aws-ebs-encryption
#   severity: high
#   controls: [CC6.1]
#   resource_types: [aws_ebs_volume, aws_instance, aws_launch_template]
#   scan_resource_types: [aws_ebs_encryption_by_default]
#   remediation: |
#     Turn on EBS encryption by default once per account and region, usually in the
#     account baseline:
#
#     ```hcl
#     resource "aws_ebs_encryption_by_default" "this" {
#       enabled = true
#     }
#     ```
#
#     or encrypt each volume:
#
#     ```hcl
#     resource "aws_instance" "web" {
#       ami           = data.aws_ami.al2023.id
#       instance_type = "t3.micro"
#
#       root_block_device {
#         encrypted = true
#       }
#     }
#
#     resource "aws_ebs_volume" "data" {
#       availability_zone = "eu-west-1a"
#       size              = 100
#       encrypted         = true
#       kms_key_id        = aws_kms_key.ebs.arn
#     }
#     ```
#
#     In a launch template, set `encrypted = "true"` in every `ebs` block of
#     `block_device_mappings`. Encrypting an existing volume replaces it: snapshot it
#     and restore an encrypted copy to keep its data.
package soc2gate.aws.ebs.encryption

import data.soc2gate.lib.core

_setting_type := "aws_ebs_encryption_by_default"

_fix := "set encrypted = true, or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)"

# Volumes.

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_ebs_volume")
	core.unset(r, ["encrypted"])
	v := core.violation(r, "", sprintf(
		"%s does not set encrypted, which defaults to false: the volume is not encrypted at rest; %s",
		[_describe(r), _fix],
	))
}

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_ebs_volume")
	_false(r, ["encrypted"])
	v := core.violation(r, "encrypted", sprintf(
		"%s sets encrypted = false: the volume is not encrypted at rest; %s",
		[_describe(r), _fix],
	))
}

# Instances.

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_instance")
	core.unset(r, ["root_block_device"])
	core.unset(r, ["launch_template"])
	v := core.violation(r, "", sprintf(
		"%s has no root_block_device: its root volume follows the AMI's block device mapping, which is not encrypted unless the AMI's snapshot is; add root_block_device { encrypted = true }, or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)",
		[_describe(r)],
	))
}

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_instance")
	some block in ["root_block_device", "ebs_block_device"]
	some i, device in object.get(r.values, block, [])
	is_object(device)
	core.unset(r, [block, i, "encrypted"])
	v := core.violation(r, core.path_text([block, i]), sprintf(
		"%s has %s%s without encrypted, which defaults to false: the volume is not encrypted at rest; %s",
		[_describe(r), _a[block], _device_name(device), _fix],
	))
}

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_instance")
	some block in ["root_block_device", "ebs_block_device"]
	some i, device in object.get(r.values, block, [])
	is_object(device)
	_false(r, [block, i, "encrypted"])
	v := core.violation(r, core.path_text([block, i, "encrypted"]), sprintf(
		"%s has %s%s with encrypted = false: the volume is not encrypted at rest; %s",
		[_describe(r), _a[block], _device_name(device), _fix],
	))
}

# Launch templates.

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_launch_template")
	some i, mapping in object.get(r.values, "block_device_mappings", [])
	is_object(mapping)
	some j, ebs in object.get(mapping, "ebs", [])
	is_object(ebs)
	core.unset(r, ["block_device_mappings", i, "ebs", j, "encrypted"])
	v := core.violation(r, core.path_text(["block_device_mappings", i, "ebs", j]), sprintf(
		"%s maps an EBS volume%s without encrypted: the volume is not encrypted at rest; set encrypted = \"true\", or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)",
		[_describe(r), _device_name(mapping)],
	))
}

deny contains v if {
	not _encrypted_by_default
	some r in _managed("aws_launch_template")
	some i, mapping in object.get(r.values, "block_device_mappings", [])
	is_object(mapping)
	some j, ebs in object.get(mapping, "ebs", [])
	is_object(ebs)
	_false(r, ["block_device_mappings", i, "ebs", j, "encrypted"])
	v := core.violation(r, core.path_text(["block_device_mappings", i, "ebs", j, "encrypted"]), sprintf(
		"%s maps an EBS volume%s with encrypted = false: the volume is not encrypted at rest; set encrypted = \"true\", or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)",
		[_describe(r), _device_name(mapping)],
	))
}

# EBS encryption by default is, or may be, enabled: the scan manages an
# `aws_ebs_encryption_by_default` whose `enabled` is true, unset (default true) or
# unknown. (`data.scan.resources` is always present; were it not, this would simply be
# false. Reading it by path keeps the rest of `data` unevaluated.)
_encrypted_by_default if {
	some s in object.get(data.scan.resources, _setting_type, [])
	s.mode == "managed"
	not _false(s, ["enabled"])
}

_a := {"root_block_device": "a root_block_device", "ebs_block_device": "an ebs_block_device"}

_managed(type_name) := [r |
	some r in core.resources(type_name)
	r.mode == "managed"
]

# The value is known and false; Terraform converts the string "false" too.
_false(r, path) if {
	core.known(r, path)
	core.get(r, path) in {false, "false"}
}

# " (/dev/sdf)" when the block names its device, else "".
_device_name(block) := sprintf(" (%s)", [name]) if {
	name := object.get(block, "device_name", null)
	is_string(name)
}

_device_name(block) := "" if not is_string(object.get(block, "device_name", null))

# How a message names a resource: `EBS volume "data"` (its Name tag), `EC2 instance
# "web"`, `launch template "web"` (its name), else its address.
_describe(r) := sprintf("%s %q", [_kind[r.type], name]) if name := _name(r)

_describe(r) := sprintf("%s %s", [_kind[r.type], r.address]) if not _name(r)

_kind := {
	"aws_ebs_volume": "EBS volume",
	"aws_instance": "EC2 instance",
	"aws_launch_template": "launch template",
}

_name(r) := name if {
	r.type == "aws_launch_template"
	name := object.get(r.values, "name", null)
	is_string(name)
}

_name(r) := name if {
	r.type != "aws_launch_template"
	name := object.get(r.values, ["tags", "Name"], null)
	is_string(name)
}

# What the rule could not judge: an `encrypted` (or the block holding it) that cannot be
# known, an instance whose launch_template cannot be known, and every resource that is not
# encrypted itself while EBS encryption by default may be on but cannot be known to be.
undetermined contains v if {
	not _certainly_encrypted_by_default
	some r in _managed("aws_ebs_volume")
	some v in core.unknown_at(r, [["encrypted"]])
}

undetermined contains v if {
	not _certainly_encrypted_by_default
	some r in _managed("aws_instance")
	some v in core.unknown_at(r, _instance_paths(r))
}

undetermined contains v if {
	not _certainly_encrypted_by_default
	some r in _managed("aws_launch_template")
	some v in core.unknown_at(r, _template_paths(r))
}

undetermined contains v if {
	_encrypted_by_default
	not _certainly_encrypted_by_default
	some type_name in ["aws_ebs_volume", "aws_instance", "aws_launch_template"]
	some r in _managed(type_name)
	_not_encrypted_itself(r)
	v := core.violation(r, "", sprintf(
		"%s is not encrypted itself, and whether EBS encryption by default is enabled (aws_ebs_encryption_by_default.enabled) cannot be known statically",
		[_describe(r)],
	))
}

_certainly_encrypted_by_default if {
	some s in object.get(data.scan.resources, _setting_type, [])
	s.mode == "managed"
	core.unset(s, ["enabled"])
}

_certainly_encrypted_by_default if {
	some s in object.get(data.scan.resources, _setting_type, [])
	s.mode == "managed"
	core.value_is(s, ["enabled"], true)
}

_instance_paths(r) := {["root_block_device", 0, "encrypted"]} | {["ebs_block_device"] |
	core.unknown(r, ["ebs_block_device"])
} | {["ebs_block_device", i, "encrypted"] |
	some i, _ in object.get(r.values, "ebs_block_device", [])
} | {["launch_template"] |
	core.unset(r, ["root_block_device"])
	core.unknown(r, ["launch_template"])
}

_template_paths(r) := {["block_device_mappings"] |
	core.unknown(r, ["block_device_mappings"])
} | {["block_device_mappings", i, "ebs"] |
	some i, _ in object.get(r.values, "block_device_mappings", [])
	core.unknown(r, ["block_device_mappings", i, "ebs"])
} | {["block_device_mappings", i, "ebs", j, "encrypted"] |
	some i, mapping in object.get(r.values, "block_device_mappings", [])
	some j, _ in object.get(mapping, "ebs", [])
}

_not_encrypted_itself(r) if {
	r.type == "aws_ebs_volume"
	core.unset(r, ["encrypted"])
}

_not_encrypted_itself(r) if {
	r.type == "aws_ebs_volume"
	_false(r, ["encrypted"])
}

_not_encrypted_itself(r) if {
	r.type == "aws_instance"
	core.unset(r, ["root_block_device"])
	core.unset(r, ["launch_template"])
}

_not_encrypted_itself(r) if {
	r.type == "aws_instance"
	some block in ["root_block_device", "ebs_block_device"]
	some i, _ in object.get(r.values, block, [])
	_not_true(r, [block, i, "encrypted"])
}

_not_encrypted_itself(r) if {
	r.type == "aws_launch_template"
	some i, mapping in object.get(r.values, "block_device_mappings", [])
	some j, _ in object.get(mapping, "ebs", [])
	_not_true(r, ["block_device_mappings", i, "ebs", j, "encrypted"])
}

_not_true(r, path) if core.unset(r, path)

_not_true(r, path) if _false(r, path)
