# soc2gate-test: no findings
resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket" "thumbnails" {
  bucket = "acme-thumbnails"
}
