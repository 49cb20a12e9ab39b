# soc2gate-test: no findings
# Logging joined by the same literal names. The target bucket receives the logs, so it
# is exempt itself.
resource "aws_s3_bucket" "by_name" {
  bucket = "acme-logged-by-name"
}

resource "aws_s3_bucket" "by_name_logs" {
  bucket = "acme-logged-by-name-logs"
}

resource "aws_s3_bucket_logging" "by_name" {
  bucket = "acme-logged-by-name"

  target_bucket = "acme-logged-by-name-logs"
  target_prefix = "access/"
}
