# METADATA
# title: GKE clusters encrypt Kubernetes secrets with a Cloud KMS key
# description: >-
#   Every `google_container_cluster` must have `database_encryption { state =
#   "ENCRYPTED" key_name = ... }`, so that Kubernetes secrets in etcd are encrypted at the
#   application layer with a key the organization controls and can revoke. Without the
#   block the state is `DECRYPTED` (the Google provider's default: only Google's default
#   storage encryption applies) and the cluster is reported at its header; a block with
#   another state is reported at `state`. A block or state that cannot be known
#   statically is not judged, nor is a data source.
# custom:
#   id: gcp-gke-secrets-encryption
#   severity: medium
#   controls: [CC6.1, C1.1]
#   resource_types: [google_container_cluster]
#   remediation: |
#     Encrypt secrets with a Cloud KMS key in the cluster's region (the GKE service agent
#     needs `roles/cloudkms.cryptoKeyEncrypterDecrypter` on it):
#
#     ```hcl
#     resource "google_container_cluster" "main" {
#       name     = "main"
#       location = "europe-west1"
#
#       database_encryption {
#         state    = "ENCRYPTED"
#         key_name = google_kms_crypto_key.gke_secrets.id
#       }
#     }
#     ```
package soc2gate.gcp.gke.secrets_encryption

import data.soc2gate.lib.core

_clusters := [c |
	some c in core.resources("google_container_cluster")
	c.mode == "managed"
]

_state := ["database_encryption", 0, "state"]

deny contains v if {
	some c in _clusters
	core.unset(c, ["database_encryption", 0])
	v := core.violation(c, "", sprintf(
		"%s has no database_encryption block, so its Kubernetes secrets are not encrypted with a Cloud KMS key; add database_encryption { state = \"ENCRYPTED\" key_name = ... }",
		[_describe(c)],
	))
}

deny contains v if {
	some c in _clusters
	core.get(c, ["database_encryption", 0])
	core.known(c, _state)
	state := object.get(c.values, _state, null)
	state != "ENCRYPTED"
	v := core.violation(c, core.path_text(_state), sprintf(
		"%s sets database_encryption.state to %v, so its Kubernetes secrets are not encrypted with a Cloud KMS key; set state = \"ENCRYPTED\" with a key_name",
		[_describe(c), json.marshal(state)],
	))
}

_describe(c) := sprintf("GKE cluster %q", [name]) if {
	name := object.get(c.values, "name", null)
	is_string(name)
}

_describe(c) := sprintf("GKE cluster %s", [c.address]) if not is_string(object.get(c.values, "name", null))

undetermined contains v if some v in core.unknown_in("google_container_cluster", [_state])
