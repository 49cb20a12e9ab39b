# Buckets that receive CloudTrail logs without Object Lock.
resource "aws_s3_bucket" "trail" { # expect: aws-s3-audit-log-immutable
  bucket = "acme-cloudtrail"
}

resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = aws_s3_bucket.trail.id
  is_multi_region_trail         = true
  include_global_service_events = true
}

# Named by literal; Object Lock explicitly off.
resource "aws_s3_bucket" "org_trail" {
  bucket              = "acme-org-cloudtrail"
  object_lock_enabled = false # expect: aws-s3-audit-log-immutable
}

resource "aws_cloudtrail" "organization" {
  name                  = "organization"
  s3_bucket_name        = "acme-org-cloudtrail"
  is_organization_trail = true
  is_multi_region_trail = true
}

# The Object Lock configuration below belongs to another bucket; it does not count.
resource "aws_s3_bucket" "data_events" { # expect: aws-s3-audit-log-immutable
  bucket = "acme-data-events-trail"
}

resource "aws_cloudtrail" "data_events" {
  name           = "data-events"
  s3_bucket_name = aws_s3_bucket.data_events.bucket
}

resource "aws_s3_bucket" "locked_archive" {
  bucket              = "acme-locked-archive"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "locked_archive" {
  bucket = aws_s3_bucket.locked_archive.id

  rule {
    default_retention {
      mode = "COMPLIANCE"
      days = 365
    }
  }
}
