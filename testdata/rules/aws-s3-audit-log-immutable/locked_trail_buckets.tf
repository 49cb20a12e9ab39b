# soc2gate-test: no findings
# CloudTrail buckets with Object Lock, in the forms the provider accepts.
resource "aws_s3_bucket" "audit" {
  bucket              = "acme-audit-trail"
  object_lock_enabled = true
}

resource "aws_s3_bucket_object_lock_configuration" "audit" {
  bucket = "acme-audit-trail"

  rule {
    default_retention {
      mode = "GOVERNANCE"
      days = 400
    }
  }
}

resource "aws_cloudtrail" "audit" {
  name           = "audit"
  s3_bucket_name = aws_s3_bucket.audit.id
}

# AWS provider v3 style: the Object Lock configuration inside the bucket.
resource "aws_s3_bucket" "legacy_trail" {
  bucket = "acme-legacy-trail"

  object_lock_configuration {
    object_lock_enabled = "Enabled"

    rule {
      default_retention {
        mode  = "COMPLIANCE"
        years = 1
      }
    }
  }
}

resource "aws_cloudtrail" "legacy" {
  name           = "legacy"
  s3_bucket_name = "acme-legacy-trail"
}

# A bucket that receives no CloudTrail logs is not judged.
resource "aws_s3_bucket" "assets" {
  bucket = "acme-assets"
}
