# soc2gate-test: no findings
# The bucket; its versioning is in versioning.tf of the same module.
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
