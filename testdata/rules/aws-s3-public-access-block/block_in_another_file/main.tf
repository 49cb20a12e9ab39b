# soc2gate-test: no findings
# The bucket; its public access block is in public_access_block.tf of the same module.
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
