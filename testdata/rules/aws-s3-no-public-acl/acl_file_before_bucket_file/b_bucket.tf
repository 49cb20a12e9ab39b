# soc2gate-test: no findings
resource "aws_s3_bucket" "downloads" {
  bucket = "acme-downloads"
}
