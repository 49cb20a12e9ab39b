package soc2gate.lib.gcp.storage_test

import data.soc2gate.lib.gcp.storage
import data.soc2gate.lib.inputs_test as t

test_managed_buckets_only if {
	b := t.resource("google_storage_bucket", "b", {"name": "acme"})
	d := t.data_source("google_storage_bucket", "d", {})
	found := storage.buckets with input as t.input_of([b, d])
	[x.address | some x in found] == ["google_storage_bucket.b"]
}

test_describe if {
	storage.describe(t.resource("google_storage_bucket", "b", {"name": "acme"})) == `bucket "acme"`
	storage.describe(t.resource("google_storage_bucket", "b", {})) == "bucket google_storage_bucket.b"
}
