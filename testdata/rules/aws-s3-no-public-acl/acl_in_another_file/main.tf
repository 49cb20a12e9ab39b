# soc2gate-test: no findings
# The bucket; its ACL is in acl.tf of the same module.
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
