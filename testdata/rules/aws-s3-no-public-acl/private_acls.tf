# soc2gate-test: no findings
# Private canned ACLs, the default, the log delivery group and an owner-only grant.
data "aws_canonical_user_id" "owner" {}

resource "aws_s3_bucket" "private_inline" {
  bucket = "acme-private-inline"
  acl    = "private"
}

resource "aws_s3_bucket" "default_acl" {
  bucket = "acme-default-acl"
}

resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-access-logs"
}

resource "aws_s3_bucket_acl" "access_logs" {
  bucket = aws_s3_bucket.access_logs.id
  acl    = "log-delivery-write"
}

resource "aws_s3_bucket" "owner_only" {
  bucket = "acme-owner-only"
}

resource "aws_s3_bucket_acl" "owner_only" {
  bucket = "acme-owner-only"

  access_control_policy {
    grant {
      grantee {
        id   = data.aws_canonical_user_id.owner.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/s3/LogDelivery"
      }
      permission = "WRITE"
    }

    owner {
      id = data.aws_canonical_user_id.owner.id
    }
  }
}
