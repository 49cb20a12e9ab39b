resource "aws_s3_bucket" "central_trail" { # expect: aws-s3-audit-log-immutable
  bucket = "acme-central-cloudtrail"
}
