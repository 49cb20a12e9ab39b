package soc2gate.aws.eks.secrets_encryption_test

import data.soc2gate.aws.eks.secrets_encryption
import data.soc2gate.lib.aws.inputs_test as t

cluster(values) := t.resource("aws_eks_cluster", "main", object.union({"name": "acme-prod"}, values))

key_provider := [{"key_arn": "arn:aws:kms:eu-west-1:111122223333:key/x"}]

test_cluster_without_encryption_config_fails_at_the_header if {
	r := cluster({})
	found := secrets_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_eks_cluster.main",
		"attribute": "",
		"message": `EKS cluster "acme-prod" has no encryption_config, so Kubernetes secrets are not encrypted with a KMS key the account controls; add encryption_config { resources = ["secrets"] } with a provider key_arn`,
	}}
}

test_config_without_secrets_fails_at_resources if {
	p := key_provider
	r := cluster({"encryption_config": [{"resources": [], "provider": p}]})
	found := secrets_encryption.deny with input as t.input_of([r])
	found == {{
		"resource": "aws_eks_cluster.main",
		"attribute": "encryption_config[0].resources",
		"message": `EKS cluster "acme-prod" has an encryption_config that does not cover secrets; set resources = ["secrets"]`,
	}}
}

test_config_without_resources_fails_at_the_block if {
	p := key_provider
	r := cluster({"encryption_config": [{"provider": p}]})
	found := secrets_encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	v.attribute == "encryption_config[0]"
}

test_secrets_encryption_passes if {
	p := key_provider
	r := cluster({"encryption_config": [{"resources": ["secrets"], "provider": p}]})
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_secrets_with_a_key_by_reference_passes if {
	r := t.with_unknown(cluster({"encryption_config": [{"resources": ["secrets"], "provider": [{}]}]}), ["encryption_config[0].provider[0].key_arn"])
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_resources_stay_silent if {
	p := key_provider
	r := t.with_unknown(cluster({"encryption_config": [{"provider": p}]}), ["encryption_config[0].resources"])
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_resource_element_stays_silent if {
	p := key_provider
	r := t.with_unknown(cluster({"encryption_config": [{"resources": [null], "provider": p}]}), ["encryption_config[0].resources[0]"])
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_dynamic_block_stays_silent if {
	r := t.with_unknown(cluster({}), ["encryption_config"])
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_unknown_block_element_stays_silent if {
	r := t.with_unknown(cluster({"encryption_config": [null]}), ["encryption_config[0]"])
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}

test_cluster_with_unknown_name_is_described_by_address if {
	r := t.with_unknown(t.resource("aws_eks_cluster", "main", {}), ["name"])
	found := secrets_encryption.deny with input as t.input_of([r])
	[v] := [x | some x in found]
	startswith(v.message, "EKS cluster aws_eks_cluster.main has no encryption_config")
}

test_data_sources_are_not_judged if {
	r := t.data_source("aws_eks_cluster", "existing", {"name": "existing"})
	found := secrets_encryption.deny with input as t.input_of([r])
	found == set()
}
