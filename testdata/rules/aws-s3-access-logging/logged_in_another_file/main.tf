# soc2gate-test: no findings
# The buckets; logging.tf sends the data bucket's access logs to the log bucket.
resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-data-access-logs"
}
