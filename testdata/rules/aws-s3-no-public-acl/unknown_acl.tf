# soc2gate-test: no findings
# The ACL and a grantee come from variables without a default: the rule cannot know them.
variable "acl" {
  type = string
}

variable "reader_group_uri" {
  type = string
}

resource "aws_s3_bucket" "configurable" {
  bucket = "acme-configurable"
  acl    = var.acl # expect-undetermined: aws-s3-no-public-acl
}

resource "aws_s3_bucket" "granted" {
  bucket = "acme-granted"
}

resource "aws_s3_bucket_acl" "granted" {
  bucket = aws_s3_bucket.granted.id

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = var.reader_group_uri # expect-undetermined: aws-s3-no-public-acl
      }
      permission = "READ"
    }

    owner {
      id = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
    }
  }
}
