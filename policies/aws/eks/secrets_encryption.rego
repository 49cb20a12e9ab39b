# METADATA
# title: EKS clusters encrypt Kubernetes secrets with a KMS key
# description: >-
#   Every `aws_eks_cluster` must have an `encryption_config` whose `resources` include
#   `"secrets"`, with a KMS key (`provider { key_arn = ... }`), so that Kubernetes
#   secrets are envelope encrypted in etcd with a key the account controls, can audit
#   and can revoke. Without it (the provider sets none) secrets are protected only by
#   keys AWS owns, so the cluster is reported at its header; an `encryption_config`
#   whose `resources` do not include `"secrets"` is reported at `resources`. A block or
#   a `resources` list that cannot be known statically (a `dynamic` block, a variable
#   without a default) is not judged.
# custom:
#   id: aws-eks-secrets-encryption
#   severity: high
#   controls: [CC6.1]
#   resource_types: [aws_eks_cluster]
#   remediation: |
#     Encrypt secrets with a customer managed KMS key (this can be added to an existing
#     cluster, but not removed):
#
#     ```hcl
#     resource "aws_eks_cluster" "main" {
#       name     = "main"
#       role_arn = aws_iam_role.cluster.arn
#
#       vpc_config {
#         subnet_ids = var.private_subnet_ids
#       }
#
#       encryption_config {
#         resources = ["secrets"]
#         provider {
#           key_arn = aws_kms_key.eks.arn
#         }
#       }
#     }
#     ```
package soc2gate.aws.eks.secrets_encryption

import data.soc2gate.lib.core

_block := "encryption_config"

deny contains v if {
	some c in core.resources("aws_eks_cluster")
	c.mode == "managed"
	core.unset(c, [_block])
	v := core.violation(c, "", sprintf(
		"%s has no encryption_config, so Kubernetes secrets are not encrypted with a KMS key the account controls; add encryption_config { resources = [\"secrets\"] } with a provider key_arn",
		[_describe(c)],
	))
}

deny contains v if {
	some c in core.resources("aws_eks_cluster")
	c.mode == "managed"
	configs := core.get(c, [_block])
	count(configs) > 0
	every i, _ in configs {
		not _may_cover_secrets(c, i)
	}
	v := core.violation(c, _where(c), sprintf(
		"%s has an encryption_config that does not cover secrets; set resources = [\"secrets\"]",
		[_describe(c)],
	))
}

# The i-th `encryption_config` covers secrets, or the scan cannot tell.
_may_cover_secrets(c, i) if core.unknown(c, [_block, i])

_may_cover_secrets(c, i) if core.unknown(c, [_block, i, "resources"])

_may_cover_secrets(c, i) if {
	some r in core.get(c, [_block, i, "resources"])
	r in {"secrets", null}
}

# Where the finding points: the first block's `resources`, or the block when it has none.
_where(c) := "encryption_config[0].resources" if not core.unset(c, [_block, 0, "resources"])

_where(c) := "encryption_config[0]" if core.unset(c, [_block, 0, "resources"])

# How a message names a cluster: `EKS cluster "main"`, else its address.
_describe(c) := sprintf("EKS cluster %q", [_name(c)])

_describe(c) := sprintf("EKS cluster %s", [c.address]) if not _name(c)

_name(c) := name if {
	core.known(c, ["name"])
	name := core.get(c, ["name"])
	is_string(name)
}

# What the rule could not judge: a cluster none of whose encryption_config blocks is known
# to cover secrets while one may, through a value that cannot be known.
undetermined contains v if {
	some c in core.resources("aws_eks_cluster")
	c.mode == "managed"
	not _covers_secrets(c)
	some v in core.unknown_at(c, _deciding_paths(c))
}

_covers_secrets(c) if {
	some i, _ in core.get(c, [_block])
	"secrets" in object.get(c.values, [_block, i, "resources"], [])
}

_deciding_paths(c) := {[_block] | core.unknown(c, [_block])} | {[_block, i, "resources"] |
	some i, _ in core.get(c, [_block])
}
