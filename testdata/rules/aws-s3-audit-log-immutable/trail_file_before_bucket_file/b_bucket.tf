resource "aws_s3_bucket" "ops_trail" { # expect: aws-s3-audit-log-immutable
  bucket = "acme-ops-trail"
}
