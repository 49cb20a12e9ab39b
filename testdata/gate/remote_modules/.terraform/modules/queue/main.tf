# Installed from a source the block no longer names: stale, so not read.
resource "aws_s3_bucket" "stale" {
  bucket = "acme-queue"
}
