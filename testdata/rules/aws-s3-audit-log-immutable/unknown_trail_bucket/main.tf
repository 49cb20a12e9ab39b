# soc2gate-test: no findings
# The trail's bucket comes from a variable without a default: no bucket of the module is
# known to receive CloudTrail logs.
variable "trail_bucket" {
  type = string
}

resource "aws_s3_bucket" "maybe_trail" { # expect-undetermined: aws-s3-audit-log-immutable
  bucket = "acme-maybe-trail"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = var.trail_bucket
}
