# Cloud Storage buckets: the managed `google_storage_bucket`s of the input and how a
# message names one.
package soc2gate.lib.gcp.storage

import data.soc2gate.lib.core

# The managed buckets (data sources describe buckets managed elsewhere).
buckets := [b |
	some b in core.resources("google_storage_bucket")
	b.mode == "managed"
]

# `bucket "acme-logs"` when the name is known, else `bucket google_storage_bucket.logs`.
describe(b) := sprintf("bucket %q", [name]) if {
	name := object.get(b.values, "name", null)
	is_string(name)
}

describe(b) := sprintf("bucket %s", [b.address]) if not is_string(object.get(b.values, "name", null))
