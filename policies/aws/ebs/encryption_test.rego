package soc2gate.aws.ebs.encryption_test

import data.soc2gate.aws.ebs.encryption
import data.soc2gate.lib.aws.inputs_test as t

volume(values) := t.resource("aws_ebs_volume", "data", object.union({"availability_zone": "eu-west-1a", "size": 100, "tags": {"Name": "data"}}, values))

instance(values) := t.resource("aws_instance", "web", object.union({"ami": "ami-0abcdef1234567890", "instance_type": "t3.micro", "tags": {"Name": "web"}}, values))

template(values) := t.resource("aws_launch_template", "web", object.union({"name": "web"}, values))

encrypted_root := [{"encrypted": true}]

fix := "set encrypted = true, or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)"

setting(values) := t.resource("aws_ebs_encryption_by_default", "this", values)

test_unset_volume_fails_at_the_header if {
	r := volume({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_ebs_volume.data",
		"attribute": "",
		"message": sprintf(`EBS volume "data" does not set encrypted, which defaults to false: the volume is not encrypted at rest; %s`, [fix]),
	}}
}

test_unencrypted_volume_fails_at_the_attribute if {
	r := volume({"encrypted": false})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_ebs_volume.data",
		"attribute": "encrypted",
		"message": sprintf(`EBS volume "data" sets encrypted = false: the volume is not encrypted at rest; %s`, [fix]),
	}}
}

test_encrypted_volume_passes if {
	a := volume({"encrypted": true})
	b := t.resource("aws_ebs_volume", "b", {"encrypted": "true"})
	found := encryption.deny with input as t.input_of([a, b])
	found == set()
}

test_unknown_volume_encryption_stays_silent if {
	r := t.with_unknown(volume({}), ["encrypted"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_instance_without_root_block_device_fails_at_the_header if {
	r := instance({})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_instance.web",
		"attribute": "",
		"message": `EC2 instance "web" has no root_block_device: its root volume follows the AMI's block device mapping, which is not encrypted unless the AMI's snapshot is; add root_block_device { encrypted = true }, or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)`,
	}}
}

test_instance_from_a_launch_template_may_omit_the_root_block_device if {
	r := instance({"launch_template": [{"name": "web", "version": "$Latest"}]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_instance_with_dynamic_root_block_device_stays_silent if {
	r := t.with_unknown(instance({}), ["root_block_device"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_root_block_device_without_encrypted_fails_at_the_block if {
	r := instance({"root_block_device": [{"volume_size": 30}]})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_instance.web",
		"attribute": "root_block_device[0]",
		"message": sprintf(`EC2 instance "web" has a root_block_device without encrypted, which defaults to false: the volume is not encrypted at rest; %s`, [fix]),
	}}
}

test_ebs_block_device_with_encrypted_false_fails_at_the_attribute if {
	r := instance({"root_block_device": encrypted_root, "ebs_block_device": [
		{"device_name": "/dev/sdf", "encrypted": true},
		{"device_name": "/dev/sdg", "encrypted": false},
	]})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_instance.web",
		"attribute": "ebs_block_device[1].encrypted",
		"message": sprintf(`EC2 instance "web" has an ebs_block_device (/dev/sdg) with encrypted = false: the volume is not encrypted at rest; %s`, [fix]),
	}}
}

test_encrypted_instance_passes if {
	r := instance({"root_block_device": encrypted_root, "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": "true"}]})
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_device_encryption_stays_silent if {
	r := t.with_unknown(instance({"root_block_device": [{}], "ebs_block_device": [{"device_name": "/dev/sdf"}, null]}), [
		"root_block_device[0].encrypted",
		"ebs_block_device[0].encrypted",
		"ebs_block_device[1]",
	])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_launch_template_mapping_without_encrypted_fails_at_the_ebs_block if {
	r := template({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"volume_size": 30}]}]})
	found := encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_launch_template.web",
		"attribute": "block_device_mappings[0].ebs[0]",
		"message": `launch template "web" maps an EBS volume (/dev/xvda) without encrypted: the volume is not encrypted at rest; set encrypted = "true", or enable EBS encryption by default for the account (aws_ebs_encryption_by_default)`,
	}}
}

test_launch_template_mapping_with_string_false_fails_at_the_attribute if {
	r := template({"block_device_mappings": [
		{"device_name": "/dev/xvda", "ebs": [{"encrypted": "true"}]},
		{"device_name": "/dev/xvdb", "ebs": [{"encrypted": "false"}]},
	]})
	found := encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "block_device_mappings[1].ebs[0].encrypted"
}

test_launch_template_mapping_with_boolean_false_fails if {
	r := template({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": false}]}]})
	found := encryption.deny with input as t.input_of([r])
	count(found) == 1
}

test_launch_template_encrypted_or_without_ebs_mappings_passes if {
	encrypted := template({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"encrypted": true}]}]})
	instance_store := t.resource("aws_launch_template", "store", {"block_device_mappings": [{"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}]})
	none := t.resource("aws_launch_template", "plain", {"name": "plain"})
	found := encryption.deny with input as t.input_of([encrypted, instance_store, none])
	found == set()
}

test_unknown_launch_template_encryption_stays_silent if {
	r := t.with_unknown(template({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{}]}]}), ["block_device_mappings[0].ebs[0].encrypted"])
	found := encryption.deny with input as t.input_of([r])
	found == set()
}

test_encryption_by_default_in_the_scan_exempts_everything if {
	rs := [volume({}), instance({}), template({"block_device_mappings": [{"ebs": [{"encrypted": "false"}]}]})]
	enabled := setting({"enabled": true})
	found := encryption.deny with input as t.input_of(rs)
		with data.scan as {"resources": {"aws_ebs_encryption_by_default": [enabled]}}
	found == set()
}

test_encryption_by_default_unset_enabled_is_true if {
	rs := [volume({})]
	s := setting({})
	found := encryption.deny with input as t.input_of(rs)
		with data.scan as {"resources": {"aws_ebs_encryption_by_default": [s]}}
	found == set()
}

test_encryption_by_default_with_unknown_enabled_stays_silent if {
	rs := [volume({})]
	s := t.with_unknown(setting({}), ["enabled"])
	found := encryption.deny with input as t.input_of(rs)
		with data.scan as {"resources": {"aws_ebs_encryption_by_default": [s]}}
	found == set()
}

test_disabled_encryption_by_default_does_not_exempt if {
	rs := [volume({})]
	s := setting({"enabled": false})
	found := encryption.deny with input as t.input_of(rs)
		with data.scan as {"resources": {"aws_ebs_encryption_by_default": [s]}}
	count(found) == 1
}

test_encryption_by_default_data_source_does_not_exempt if {
	rs := [volume({})]
	s := t.with_unknown(t.data_source("aws_ebs_encryption_by_default", "current", {}), ["enabled"])
	found := encryption.deny with input as t.input_of(rs)
		with data.scan as {"resources": {"aws_ebs_encryption_by_default": [s]}}
	count(found) == 1
}

test_resources_without_a_name_are_described_by_address if {
	v := t.resource("aws_ebs_volume", "scratch", {"size": 10})
	lt := t.resource("aws_launch_template", "nodes", {"name_prefix": "nodes-", "block_device_mappings": [{"ebs": [{}]}]})
	found := encryption.deny with input as t.input_of([v, lt])
	messages := {m.message | some m in found}
	some a in messages
	startswith(a, "EBS volume aws_ebs_volume.scratch does not set encrypted")
	some b in messages
	startswith(b, "launch template aws_launch_template.nodes maps an EBS volume without encrypted")
}

test_data_sources_are_not_judged if {
	v := t.data_source("aws_ebs_volume", "existing", {})
	i := t.data_source("aws_instance", "existing", {})
	found := encryption.deny with input as t.input_of([v, i])
	found == set()
}
