# Explicit grants to the public groups.
data "aws_canonical_user_id" "current" {}

resource "aws_s3_bucket" "media" {
  bucket = "acme-media"
}

resource "aws_s3_bucket_acl" "media" {
  bucket = aws_s3_bucket.media.id

  access_control_policy {
    grant {
      grantee {
        id   = data.aws_canonical_user_id.current.id
        type = "CanonicalUser"
      }
      permission = "FULL_CONTROL"
    }

    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers" # expect: aws-s3-no-public-acl
      }
      permission = "READ"
    }

    owner {
      id = data.aws_canonical_user_id.current.id
    }
  }
}

# AWS provider v3 style: grant blocks inside the bucket.
resource "aws_s3_bucket" "shared" {
  bucket = "acme-shared"

  grant {
    id          = data.aws_canonical_user_id.current.id
    type        = "CanonicalUser"
    permissions = ["FULL_CONTROL"]
  }

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" # expect: aws-s3-no-public-acl
    permissions = ["READ"]
  }
}
