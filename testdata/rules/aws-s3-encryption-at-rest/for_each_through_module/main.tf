# soc2gate-test: no findings
# One bucket per key of a known map, each encrypted by its own instance of a module that
# takes the bucket's id: Terraform knows the keys at plan time, so does the scan, and each
# configuration joins its own bucket.
locals {
  buckets = {
    raw     = "acme-lake-raw"
    curated = "acme-lake-curated"
  }
}

resource "aws_s3_bucket" "lake" {
  for_each = local.buckets
  bucket   = each.value
}

module "encryption" {
  source   = "./modules/encryption"
  for_each = aws_s3_bucket.lake
  bucket   = each.value.id
}
