# soc2gate-test: no findings
# The bucket; versioning.tf suspends its versioning.
resource "aws_s3_bucket" "cache" {
  bucket = "acme-cache"
}
